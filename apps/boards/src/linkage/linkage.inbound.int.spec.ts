import type { ICommand, ICommandHandler } from '@nestjs/cqrs';
import {
  type IntegrationEvent,
  type IntegrationEventContract,
  gridPostFilledV1,
  gridPostVacatedV1,
  jointMeetingTaskProgressedV1,
  jointMeetingTasksAssignedV1,
  leaderApprovedV1,
  organizationFoundedV1,
  seatFilledV1,
  seatVacatedV1,
} from '@cogov/contracts';
import { schemaViolations } from '@cogov/context-kit';
import { systemContext } from '@cogov/event-sourcing';
import { type DatabaseConfig, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import {
  BuildingLeaderPost,
  GridPostEntry,
  JointMeetingTaskEntry,
  LINKAGE_ENTITIES,
  OrganizationCompound,
  PartyOrganizationEntry,
  SeatEntry,
} from './linkage.entities';
import { linkageHandlers, linkageInbound } from './linkage.inbound';

const databases: Array<[string, () => DatabaseConfig & { cleanup?(): void }]> = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
];

const T1 = '2026-12-01T08:00:00.000Z';
const T2 = '2026-12-02T08:00:00.000Z';
/** The key @nestjs/cqrs keeps a handler's command under. */
const COMMAND_HANDLER_METADATA = '__commandHandler__';

/**
 * What the linkage keeps of each fact, through the manifest's own inbound definitions and
 * handlers: a redelivery writes the same rows, a fact of one entity arriving before another
 * (a vacancy before its filling) leaves the row right once both are in.
 */
describe.each(databases)('the linkage facts the boards keep (%s)', (_name, makeConfig) => {
  const config = makeConfig();
  let db: SqlDatabase;
  let handlers: Array<{ command: new (...args: never[]) => ICommand; handler: ICommandHandler }>;

  /** One fact delivered: checked against its schema, turned into its command, handled. */
  async function deliver<E extends IntegrationEvent>(contract: IntegrationEventContract<E>, data: E['data']) {
    expect(schemaViolations(contract, data)).toEqual([]);
    const definition = linkageInbound.find((d) => d.contract === contract);
    if (!definition) throw new Error(`the linkage does not consume ${contract.type}`);
    const command = definition.toCommand({ data } as IntegrationEvent, systemContext('test', new Date(T2)));
    const found = handlers.find((h) => command instanceof h.command);
    if (!found) throw new Error(`no handler for ${command.constructor.name}`);
    await found.handler.execute(command);
  }
  const read = <T extends object>(entity: new () => T) => db.dataSource.getRepository(entity).find();

  beforeAll(async () => {
    db = await SqlDatabase.open(config, LINKAGE_ENTITIES);
    await db.synchronizeEntities();
    handlers = linkageHandlers.map((Handler) => ({
      command: Reflect.getMetadata(COMMAND_HANDLER_METADATA, Handler) as new (...args: never[]) => ICommand,
      handler: new (Handler as new (db: SqlDatabase) => ICommandHandler)(db),
    }));
  });
  afterAll(async () => {
    await db.close();
    config.cleanup?.();
  });

  const seat = {
    organizationId: 'b1',
    organizationKind: 'branch' as const,
    communityId: 'm1',
    compoundIds: ['k1'],
    seatId: 's1',
    seat: 'secretary' as const,
    holds: 'owners-committee-chair' as const,
    memberId: 'pm1',
    residentId: null,
    filledAt: T1,
  };

  it('given a vacancy heard before its filling, the seat ends filled by its holder and vacated; a redelivered filling keeps the vacancy', async () => {
    await deliver(seatVacatedV1, { organizationId: 'b1', communityId: 'm1', seatId: 's1', vacatedAt: T2 });
    await deliver(seatFilledV1, seat);
    await deliver(seatFilledV1, seat);
    expect(await read(SeatEntry)).toEqual([
      expect.objectContaining({
        seatId: 's1',
        seat: 'secretary',
        memberId: 'pm1',
        filledAt: T1,
        vacatedAt: T2,
      }),
    ]);
  });

  it('given a grid post filled, vacated and filled again, it is held; delivered twice, it is one row', async () => {
    const post = {
      gridId: 'g1',
      communityId: 'm1',
      postId: 'p1',
      post: 'grid-leader' as const,
      holderKind: 'member' as const,
      holderId: 'pm1',
    };
    await deliver(gridPostFilledV1, { ...post, filledAt: T1 });
    await deliver(gridPostVacatedV1, { ...post, vacatedAt: T1 });
    expect(await read(GridPostEntry)).toEqual([expect.objectContaining({ postId: 'p1', vacatedAt: T1 })]);
    await deliver(gridPostFilledV1, { ...post, holderId: 'pm2', filledAt: T2 });
    await deliver(gridPostFilledV1, { ...post, holderId: 'pm2', filledAt: T2 });
    expect(await read(GridPostEntry)).toEqual([
      expect.objectContaining({ postId: 'p1', holderId: 'pm2', filledAt: T2, vacatedAt: null }),
    ]);
  });

  it('given a branch founded, it and each compound it covers are rows, once however often delivered', async () => {
    const founded = {
      organizationId: 'b2',
      kind: 'branch' as const,
      name: 'Branch 2',
      communityId: 'm1',
      parentId: 'c1',
      compoundIds: ['k2', 'k3'],
      buildingIds: [],
    };
    await deliver(organizationFoundedV1, founded);
    await deliver(organizationFoundedV1, founded);
    expect(await read(PartyOrganizationEntry)).toEqual([
      {
        organizationId: 'b2',
        kind: 'branch',
        name: 'Branch 2',
        communityId: 'm1',
        parentId: 'c1',
        companyId: null,
      },
    ]);
    expect((await read(OrganizationCompound)).map((c) => c.compoundId).sort()).toEqual(['k2', 'k3']);
  });

  it('given a leader approved for two buildings, each building has the leader', async () => {
    await deliver(leaderApprovedV1, {
      leaderId: 'l1',
      communityId: 'm1',
      compoundId: 'k1',
      buildingIds: ['bd1', 'bd2'],
      approvedAt: T1,
    });
    expect((await read(BuildingLeaderPost)).map((l) => [l.leaderId, l.buildingId]).sort()).toEqual([
      ['l1', 'bd1'],
      ['l1', 'bd2'],
    ]);
  });

  it('given tasks assigned and progressed, only done progress closes one, and a redelivered assignment keeps it closed', async () => {
    const assigned = {
      meetingId: 'j1',
      decisionId: 'd1',
      communityId: 'm1',
      compoundId: 'k1',
      tasks: [
        { taskId: 't1', party: 'branch' as const, ownerId: 'b1', dueOn: '2026-12-05' },
        { taskId: 't2', party: 'property-company' as const, ownerId: 'p1', dueOn: '2026-12-06' },
      ],
      decidedAt: T1,
    };
    await deliver(jointMeetingTasksAssignedV1, assigned);
    await deliver(jointMeetingTaskProgressedV1, {
      meetingId: 'j1',
      taskId: 't1',
      done: false,
      recordedAt: T1,
    });
    await deliver(jointMeetingTaskProgressedV1, {
      meetingId: 'j1',
      taskId: 't2',
      done: true,
      recordedAt: T2,
    });
    await deliver(jointMeetingTasksAssignedV1, assigned);
    const tasks = await read(JointMeetingTaskEntry);
    expect(tasks.map((t) => [t.taskId, t.party, t.dueOn, t.doneAt]).sort()).toEqual([
      ['t1', 'branch', '2026-12-05', null],
      ['t2', 'property-company', '2026-12-06', T2],
    ]);
  });
});
