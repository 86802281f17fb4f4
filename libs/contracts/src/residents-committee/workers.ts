import { contract, idSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

export const WORKER_ROLES = ['director', 'deputy', 'grid-worker', 'service-station'] as const;

/**
 * A worker of the residents' committee was appointed: its director (主任), a deputy (副主任), a
 * grid worker (网格员), or staff of the community service station (社区服务站), which is the
 * committee's own. Ids and the post only: the worker's name and phone stay with the committee.
 */
export type WorkerAppointedV1 = IntegrationEvent<
  'residents-committee.worker-appointed',
  {
    communityId: string;
    workerId: string;
    role: (typeof WORKER_ROLES)[number];
    appointedAt: string;
  }
>;
export const workerAppointedV1 = contract<WorkerAppointedV1>('residents-committee.worker-appointed', 1, {
  type: 'object',
  required: ['communityId', 'workerId', 'role', 'appointedAt'],
  properties: {
    communityId: idSchema,
    workerId: idSchema,
    role: { type: 'string', enum: WORKER_ROLES },
    appointedAt: timeSchema,
  },
});
