import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import {
  type RecordReview,
  type ServiceLevelCommand,
  type StartServiceLevel,
  serviceLevelDecider,
} from '../domain/service-level';
import { type TargetOverrides, targetsFor } from '../domain/targets';
import {
  type ServiceLevelRepository,
  serviceLevelAggregate,
} from '../infrastructure/service-level.aggregate';

export const SERVICE_LEVEL_TARGETS = Symbol('ServiceLevelTargets');

type WithoutTargets<C> = C extends { data: infer D } ? Omit<C, 'data'> & { data: Omit<D, 'targets'> } : never;

/** A command of the process, as a fact or a tick names it: the deadlines are added here, from the settings. */
export type ServiceLevelInput =
  | WithoutTargets<StartServiceLevel>
  | WithoutTargets<RecordReview>
  | Exclude<ServiceLevelCommand, StartServiceLevel | RecordReview>;

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
  ) {}

  async execute({ input, context }: AdvanceServiceLevelCommand): Promise<void> {
    await this.processes.handle(
      input.data.orderId,
      (state) => serviceLevelDecider.decide(this.withTargets(input, state), state),
      context,
    );
  }

  private withTargets(
    input: ServiceLevelInput,
    state: Parameters<typeof serviceLevelDecider.decide>[1],
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
