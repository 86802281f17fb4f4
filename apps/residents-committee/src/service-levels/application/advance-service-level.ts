import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { NotYetKnown } from '@cogov/decider';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  type RecordReview,
  type ServiceLevelCommand,
  type ServiceLevelState,
  type StartDepartmentTrack,
  type StartServiceLevel,
  serviceLevelDecider,
} from '../domain/service-level';
import { type TargetOverrides, departmentTargetsFor, targetsFor } from '../domain/targets';
import { ServiceLevelDepartment } from '../infrastructure/department-kind.entity';
import {
  type ServiceLevelRepository,
  serviceLevelAggregate,
} from '../infrastructure/service-level.aggregate';

export const SERVICE_LEVEL_TARGETS = Symbol('ServiceLevelTargets');
export const DEPARTMENT_SERVICE_LEVEL_TARGETS = Symbol('DepartmentServiceLevelTargets');

type WithoutTargets<C> = C extends { data: infer D } ? Omit<C, 'data'> & { data: Omit<D, 'targets'> } : never;

/** A whistle as the process is told it: the department's targets follow its kind and the level. */
export type StartDepartmentTrackInput = {
  type: 'StartDepartmentTrack';
  data: Omit<StartDepartmentTrack['data'], 'targets'> & { level: string };
};

/** A command of the process, as a fact or a tick names it: the deadlines are added here, from the settings. */
export type ServiceLevelInput =
  | WithoutTargets<StartServiceLevel>
  | WithoutTargets<RecordReview>
  | StartDepartmentTrackInput
  | Exclude<ServiceLevelCommand, StartServiceLevel | RecordReview | StartDepartmentTrack>;

export class AdvanceServiceLevelCommand extends Command<void> {
  constructor(
    readonly input: ServiceLevelInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AdvanceServiceLevelCommand)
export class AdvanceServiceLevelHandler implements ICommandHandler<AdvanceServiceLevelCommand> {
  constructor(
    @InjectRepository(serviceLevelAggregate) private readonly processes: ServiceLevelRepository,
    @Inject(SERVICE_LEVEL_TARGETS) private readonly overrides: TargetOverrides,
    @Inject(DEPARTMENT_SERVICE_LEVEL_TARGETS) private readonly departmentOverrides: TargetOverrides,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: AdvanceServiceLevelCommand): Promise<void> {
    if (input.type === 'StartDepartmentTrack') {
      // A whistle's targets need the department's kind, read before the decision (it needs no state).
      const whistled = await this.departmentTrack(input);
      await this.processes.handle(
        input.data.orderId,
        (state) => serviceLevelDecider.decide(whistled, state),
        context,
      );
      return;
    }
    await this.processes.handle(
      input.data.orderId,
      (state) => serviceLevelDecider.decide(this.withTargets(input, state), state),
      context,
    );
  }

  private async departmentTrack({ data }: StartDepartmentTrackInput): Promise<StartDepartmentTrack> {
    const entry = await this.db.readSource
      .getRepository(ServiceLevelDepartment)
      .findOneBy({ departmentId: data.departmentId });
    if (entry === null) {
      // Published with the department's registration, perhaps on another topic: not yet, rather than no.
      throw new NotYetKnown(
        'department',
        data.departmentId,
        `the registration of department ${data.departmentId} has not reached the service levels yet`,
      );
    }
    const { level, ...rest } = data;
    return {
      type: 'StartDepartmentTrack',
      data: { ...rest, targets: departmentTargetsFor(this.departmentOverrides, entry.kind, level) },
    };
  }

  private withTargets(
    input: Exclude<ServiceLevelInput, StartDepartmentTrackInput>,
    state: ServiceLevelState,
  ): ServiceLevelCommand {
    switch (input.type) {
      case 'StartServiceLevel':
        return {
          type: input.type,
          data: { ...input.data, targets: targetsFor(this.overrides, input.data.category) },
        };
      case 'RecordReview': {
        const category = state.status === 'absent' ? 'other' : state.category;
        return {
          type: input.type,
          data: { ...input.data, targets: targetsFor(this.overrides, category, input.data.priority) },
        };
      }
      default:
        return input;
    }
  }
}
