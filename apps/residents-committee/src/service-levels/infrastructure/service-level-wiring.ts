import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { subscriptionOf } from '@cogov/context-kit';
import { INTEGRATION_EVENT_BUS, type IntegrationEventBus } from '@cogov/messaging';
import {
  DEPARTMENT_SERVICE_LEVEL_TARGETS,
  SERVICE_LEVEL_TARGETS,
} from '../application/advance-service-level';
import { parseTargetOverrides } from '../domain/targets';
import { serviceLevelInbound } from './inbound';
import { SERVICE_LEVEL_SWEEP_MS, ServiceLevelScheduler } from './service-level-scheduler';

/**
 * The process's own consumer group: it reads the same facts the committee's order does (a review,
 * a step of work), and one group may turn a fact into only one command.
 */
export const SERVICE_LEVEL_GROUP = 'residents-committee.service-levels';

export const serviceLevelProviders: Provider[] = [
  {
    provide: SERVICE_LEVEL_TARGETS,
    useFactory: () => parseTargetOverrides(process.env.SERVICE_LEVEL_TARGETS),
  },
  {
    provide: DEPARTMENT_SERVICE_LEVEL_TARGETS,
    useFactory: () =>
      parseTargetOverrides(process.env.DEPARTMENT_SERVICE_LEVEL_TARGETS, 'DEPARTMENT_SERVICE_LEVEL_TARGETS'),
  },
  {
    provide: SERVICE_LEVEL_SWEEP_MS,
    useFactory: () => {
      const ms = Number(process.env.SERVICE_LEVEL_SWEEP_MS ?? 1000);
      if (!Number.isInteger(ms) || ms < 0)
        throw new Error('SERVICE_LEVEL_SWEEP_MS must be a whole number of ms (0: no timer)');
      return ms;
    },
  },
  ServiceLevelScheduler,
  {
    provide: Symbol('residents-committee:service-levels:wiring'),
    useFactory: (bus: IntegrationEventBus, commands: CommandBus) => {
      bus.subscribe(
        subscriptionOf(SERVICE_LEVEL_GROUP, serviceLevelInbound, (command) => commands.execute(command)),
      );
      return SERVICE_LEVEL_GROUP;
    },
    inject: [INTEGRATION_EVENT_BUS, CommandBus],
  },
];
