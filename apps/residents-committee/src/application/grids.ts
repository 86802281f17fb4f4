import { Inject } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { NotFound } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { gridLocationDecider } from '../domain/grid';
import {
  type BuildingFact,
  type Grid,
  type GridLevel,
  type GridPlanState,
  type GridPost,
  type HolderFact,
  type HolderKind,
  compoundsAround,
  gridOf,
  gridPlanDecider,
  gridsOf,
} from '../domain/grid-plan';
import { summarizeCompound } from '../domain/compound';
import { type OrderCategory, orderDecider } from '../domain/order';
import {
  type CommunityRepository,
  type CompoundRepository,
  type GridPlanRepository,
  type GridRepository,
  type OrderRepository,
  communityAggregate,
  compoundAggregate,
  gridAggregate,
  gridPlanAggregate,
  orderAggregate,
} from '../infrastructure/aggregates';
import { LeaderDirectoryEntry } from '../infrastructure/directory/leader-directory.entity';
import { PartyDirectoryEntry } from '../infrastructure/directory/party-directory.entity';

export class DefineGridCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      communityId: string;
      name: string;
      level: GridLevel;
      parentId: string | null;
      compoundIds: string[];
      buildingIds: string[];
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DefineGridCommand)
export class DefineGridHandler implements ICommandHandler<DefineGridCommand> {
  constructor(
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @InjectRepository(compoundAggregate) private readonly compounds: CompoundRepository,
    @InjectRepository(gridPlanAggregate) private readonly plans: GridPlanRepository,
    @InjectRepository(gridAggregate) private readonly grids: GridRepository,
  ) {}

  async execute({ input, context }: DefineGridCommand) {
    const { communityId } = input;
    const gridId = newId(context, 'grid');
    const [community, plan] = await Promise.all([
      this.communities.load(communityId),
      this.plans.load(communityId),
    ]);
    const named = await Promise.all(
      input.compoundIds.map(async (compoundId) => {
        const { state } = await this.compounds.load(compoundId);
        return { compoundId, state };
      }),
    );
    const compounds = named.map(({ compoundId, state }) => ({
      compoundId,
      communityId: state.status === 'absent' ? null : state.communityId,
    }));
    const buildings = await this.findBuildings(
      input.buildingIds,
      input.compoundIds,
      plan.state,
      input.parentId,
    );
    const command = {
      type: 'DefineGrid' as const,
      data: {
        communityId,
        communityExists: community.state.status !== 'absent',
        gridId,
        name: input.name,
        level: input.level,
        parentId: input.parentId,
        compounds,
        buildings,
        now: context.now.toISOString(),
      },
    };
    // Decided once on the plan as read, so a refused definition writes nothing, not even the
    // grid's location (as a founding claims nothing, ADR 15); a retry with the same key finds
    // its grid already defined and answers its id.
    if (!isDefined(plan.state, gridId)) gridPlanDecider.decide(command, plan.state);
    await this.grids.handle(
      gridId,
      (state) => gridLocationDecider.decide({ type: 'LocateGrid', data: { gridId, communityId } }, state),
      context,
    );
    await this.plans.handle(communityId, (state) => gridPlanDecider.decide(command, state), context);
    return { id: gridId };
  }

  /**
   * This context keeps no index of buildings (ADR 21): a building is looked up in the compounds
   * the grid names and those its parent grids cover, where a basic grid's buildings lie.
   */
  private async findBuildings(
    buildingIds: string[],
    compoundIds: string[],
    plan: GridPlanState,
    parentId: string | null,
  ): Promise<BuildingFact[]> {
    if (buildingIds.length === 0) return [];
    const searched = [...new Set([...compoundIds, ...compoundsAround(plan, parentId)])];
    const loaded = await Promise.all(searched.map((id) => this.compounds.load(id)));
    return buildingIds.map((buildingId) => {
      const index = loaded.findIndex(
        ({ state }) => state.status !== 'absent' && Object.hasOwn(state.buildings, buildingId),
      );
      return { buildingId, compoundId: index < 0 ? null : searched[index]! };
    });
  }
}

export class FillGridPostCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { gridId: string; post: GridPost; holderKind: HolderKind; holderId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FillGridPostCommand)
export class FillGridPostHandler implements ICommandHandler<FillGridPostCommand> {
  constructor(
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @InjectRepository(gridPlanAggregate) private readonly plans: GridPlanRepository,
    @InjectRepository(gridAggregate) private readonly grids: GridRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: FillGridPostCommand) {
    const communityId = await locate(this.grids, input.gridId);
    const postId = newId(context, 'grid-post');
    const holder = await this.holder(communityId, input.holderKind, input.holderId);
    await this.plans.handle(
      communityId,
      (state) =>
        gridPlanDecider.decide(
          { type: 'FillGridPost', data: { ...input, postId, holder, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: postId };
  }

  private async holder(communityId: string, kind: HolderKind, id: string): Promise<HolderFact> {
    switch (kind) {
      case 'worker': {
        const { state } = await this.communities.load(communityId);
        return state.status !== 'absent' && Object.hasOwn(state.workers, id)
          ? { status: 'known', communityId }
          : { status: 'absent' };
      }
      case 'member': {
        const entry = await this.db.readSource
          .getRepository(PartyDirectoryEntry)
          .findOneBy({ id, kind: 'member' });
        return entry ? { status: 'known', communityId: entry.communityId } : { status: 'absent' };
      }
      case 'building-leader': {
        const entry = await this.db.readSource.getRepository(LeaderDirectoryEntry).findOneBy({ id });
        return entry ? { status: 'known', communityId: entry.communityId } : { status: 'absent' };
      }
      case 'volunteer':
        // Volunteers are registered nowhere yet: the id is recorded as given.
        return { status: 'absent' };
    }
  }
}

export class VacateGridPostCommand extends Command<void> {
  constructor(
    readonly input: { gridId: string; postId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VacateGridPostCommand)
export class VacateGridPostHandler implements ICommandHandler<VacateGridPostCommand> {
  constructor(
    @InjectRepository(gridPlanAggregate) private readonly plans: GridPlanRepository,
    @InjectRepository(gridAggregate) private readonly grids: GridRepository,
  ) {}

  async execute({ input, context }: VacateGridPostCommand) {
    const communityId = await locate(this.grids, input.gridId);
    await this.plans.handle(
      communityId,
      (state) =>
        gridPlanDecider.decide(
          { type: 'VacateGridPost', data: { ...input, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
  }
}

const isDefined = (plan: GridPlanState, gridId: string) =>
  plan.status === 'planned' && Object.hasOwn(plan.grids, gridId);

async function locate(grids: GridRepository, gridId: string): Promise<string> {
  const { state } = await grids.load(gridId);
  if (state.status === 'absent') throw new NotFound('grid', gridId);
  return state.communityId;
}

export interface GridBody {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly level: GridLevel;
  readonly parentId: string | null;
  readonly compoundIds: readonly string[];
  readonly buildingIds: readonly string[];
  readonly posts: Array<{ id: string; post: GridPost; holderKind: HolderKind; holderId: string }>;
  readonly definedAt: string;
}

export type GridTreeNode = GridBody & { readonly children: GridTreeNode[] };

const bodyOf = (communityId: string, grid: Grid): GridBody => ({
  id: grid.gridId,
  communityId,
  name: grid.name,
  level: grid.level,
  parentId: grid.parentId,
  compoundIds: grid.compoundIds,
  buildingIds: grid.buildingIds,
  posts: Object.entries(grid.posts).map(([id, holding]) => ({ id, ...holding })),
  definedAt: grid.definedAt,
});

export class GetGridQuery extends Query<GridBody> {
  constructor(readonly gridId: string) {
    super();
  }
}

/** Read from the community's plan stream: always current, and small (a grid per few buildings). */
@QueryHandler(GetGridQuery)
export class GetGridHandler implements IQueryHandler<GetGridQuery> {
  constructor(
    @InjectRepository(gridPlanAggregate) private readonly plans: GridPlanRepository,
    @InjectRepository(gridAggregate) private readonly grids: GridRepository,
  ) {}

  async execute({ gridId }: GetGridQuery): Promise<GridBody> {
    const communityId = await locate(this.grids, gridId);
    const { state } = await this.plans.load(communityId);
    const grid = state.status === 'planned' ? state.grids[gridId] : undefined;
    if (!grid) throw new NotFound('grid', gridId);
    return bodyOf(communityId, grid);
  }
}

export class GetGridTreeQuery extends Query<{ communityId: string; zones: GridTreeNode[] }> {
  constructor(readonly communityId: string) {
    super();
  }
}

@QueryHandler(GetGridTreeQuery)
export class GetGridTreeHandler implements IQueryHandler<GetGridTreeQuery> {
  constructor(@InjectRepository(gridPlanAggregate) private readonly plans: GridPlanRepository) {}

  async execute({ communityId }: GetGridTreeQuery) {
    const { state } = await this.plans.load(communityId);
    const grids = gridsOf(state).sort(
      (a, b) => a.definedAt.localeCompare(b.definedAt) || a.name.localeCompare(b.name),
    );
    const node = (grid: Grid): GridTreeNode => ({
      ...bodyOf(communityId, grid),
      children: grids.filter((child) => child.parentId === grid.gridId).map(node),
    });
    return { communityId, zones: grids.filter((grid) => grid.parentId === null).map(node) };
  }
}

export class RecordPatrolFindingCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      gridId: string;
      reporterId: string;
      compoundId: string;
      buildingId: string | null;
      category: OrderCategory;
      title: string;
      description: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * 专职网格员巡查: a grid worker's finding becomes an order of the community, handled by whoever
 * it is dispatched to (采办分离: the one who finds does not handle).
 */
@CommandHandler(RecordPatrolFindingCommand)
export class RecordPatrolFindingHandler implements ICommandHandler<RecordPatrolFindingCommand> {
  constructor(
    @InjectRepository(gridPlanAggregate) private readonly plans: GridPlanRepository,
    @InjectRepository(gridAggregate) private readonly grids: GridRepository,
    @InjectRepository(compoundAggregate) private readonly compounds: CompoundRepository,
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
  ) {}

  async execute({ input, context }: RecordPatrolFindingCommand) {
    const communityId = await locate(this.grids, input.gridId);
    const [plan, compound] = await Promise.all([
      this.plans.load(communityId),
      this.compounds.load(input.compoundId),
    ]);
    const grid = plan.state.status === 'planned' ? plan.state.grids[input.gridId] : undefined;
    if (!grid) throw new NotFound('grid', input.gridId);
    const reporterHoldsPost = Object.values(grid.posts).some(
      (holding) => holding.holderKind === 'worker' && holding.holderId === input.reporterId,
    );
    const orderId = newId(context, 'order');
    const { gridId: _g, reporterId, compoundId, ...rest } = input;
    await this.orders.handle(
      orderId,
      (state) =>
        orderDecider.decide(
          {
            type: 'RecordPatrolFinding',
            data: {
              ...rest,
              orderId,
              communityId,
              // The order falls in the most specific grid covering the spot, else the reporter's.
              gridId: gridOf(plan.state, compoundId, input.buildingId) ?? input.gridId,
              reporterId,
              reporterHoldsPost,
              compound: summarizeCompound(compoundId, compound.state),
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: orderId };
  }
}
