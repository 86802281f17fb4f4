import { randomUUID } from 'node:crypto';
import { NotYetKnown } from '@cogov/decider';
import { SqlEventStore } from '@cogov/event-store';
import { EventSourcedRepository, UpcasterRegistry, systemContext } from '@cogov/event-sourcing';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { residentsCommitteeUpcasters } from '../../domain/upcasters';
import { parseTargetOverrides } from '../domain/targets';
import { ServiceLevelDepartment } from '../infrastructure/department-kind.entity';
import {
  type ServiceLevelRepository,
  serviceLevelAggregate,
} from '../infrastructure/service-level.aggregate';
import { AdvanceServiceLevelCommand, AdvanceServiceLevelHandler } from './advance-service-level';
import { RecordDepartmentKindCommand, RecordDepartmentKindHandler } from './record-department-kind';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * A whistle reaching the process on a real store and table: its deadlines follow the department's
 * kind, learnt from department-registered, and the level; before the kind is known it waits (the
 * bus retries). A process started before tracks existed (v1 events) takes the whistle as well.
 */
describe('a department’s track started from a whistle (SQLite)', () => {
  const config = freshSqlite();
  let db: SqlDatabase;
  let store: SqlEventStore;
  let handler: AdvanceServiceLevelHandler;
  let processes: ServiceLevelRepository;
  const T0 = Date.parse('2030-05-01T08:00:00.000Z');
  const at = (ms: number) => new Date(T0 + ms).toISOString();
  const departmentId = randomUUID();
  const context = () => systemContext('test', new Date(T0));

  const whistle = (orderId: string) =>
    handler.execute(
      new AdvanceServiceLevelCommand(
        {
          type: 'StartDepartmentTrack',
          data: { orderId, round: 1, departmentId, level: 'district', whistledAt: at(HOUR) },
        },
        context(),
      ),
    );
  const departmentDeadlines = async (orderId: string) => {
    const { state } = await processes.load(orderId);
    if (state.status !== 'present' || state.department === null) return null;
    return Object.fromEntries(Object.entries(state.department.stages).map(([stage, s]) => [stage, s.dueAt]));
  };

  beforeAll(async () => {
    db = await SqlDatabase.open(config, [ServiceLevelDepartment]);
    await db.synchronizeEntities();
    store = new SqlEventStore(db);
    await store.ensureSchema();
    processes = new EventSourcedRepository(store, {
      category: serviceLevelAggregate.category,
      initialState: serviceLevelAggregate.decider.initialState,
      evolve: serviceLevelAggregate.decider.evolve,
      upcasters: new UpcasterRegistry(residentsCommitteeUpcasters),
    });
    handler = new AdvanceServiceLevelHandler(
      processes,
      {},
      parseTargetOverrides('{"water/district":{"accept":600000}}', 'DEPARTMENT_SERVICE_LEVEL_TARGETS'),
      db,
    );
  });
  afterAll(async () => {
    await db.close();
    config.cleanup();
  });

  it('waits for the department’s registration, then times it by its kind and the level', async () => {
    const orderId = randomUUID();
    await handler.execute(
      new AdvanceServiceLevelCommand(
        {
          type: 'StartServiceLevel',
          data: {
            orderId,
            communityId: 'c1',
            compoundId: 'k1',
            gridId: null,
            category: 'repair',
            placedAt: at(0),
          },
        },
        context(),
      ),
    );
    await expect(whistle(orderId)).rejects.toBeInstanceOf(NotYetKnown);
    expect(await departmentDeadlines(orderId)).toBeNull();
    await new RecordDepartmentKindHandler(db).execute(
      new RecordDepartmentKindCommand({ departmentId, kind: 'water' }, context()),
    );
    await whistle(orderId);
    expect(await departmentDeadlines(orderId)).toEqual({
      accept: at(HOUR + 10 * MIN),
      'on-site': at(HOUR + 2 * HOUR),
      complete: at(HOUR + 3 * DAY),
    });
  });

  it('a process stored before tracks existed takes a whistle on its upcast state', async () => {
    const orderId = randomUUID();
    await store.appendToStream(
      `${serviceLevelAggregate.category}-${orderId}`,
      [
        {
          eventId: randomUUID(),
          type: 'ServiceLevelStarted',
          schemaVersion: 1,
          data: {
            orderId,
            communityId: 'c1',
            compoundId: 'k1',
            category: 'repair',
            placedAt: at(0),
            deadlines: [
              { stage: 'accept', dueAt: at(MIN) },
              { stage: 'on-site', dueAt: at(HOUR) },
              { stage: 'complete', dueAt: at(DAY) },
            ],
          },
          metadata: { actorId: 'test', onBehalfOf: null, correlationId: randomUUID(), causationId: null },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    await whistle(orderId);
    const { state } = await processes.load(orderId);
    expect(state).toMatchObject({
      status: 'present',
      priority: 'normal',
      community: { track: 'community', round: 1, startedAt: at(0) },
      department: { track: 'department', departmentId, round: 1, startedAt: at(HOUR) },
    });
  });
});
