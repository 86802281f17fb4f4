import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { compoundDecider } from '../domain/compound';
import { type CompoundRepository, compoundAggregate } from '../infrastructure/aggregates';

export class AddBuildingCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { compoundId: string; name: string; number: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddBuildingCommand)
export class AddBuildingHandler implements ICommandHandler<AddBuildingCommand> {
  constructor(@InjectRepository(compoundAggregate) private readonly compounds: CompoundRepository) {}

  async execute({ input, context }: AddBuildingCommand) {
    const buildingId = newId(context, 'building');
    await this.compounds.handle(
      input.compoundId,
      (state) =>
        compoundDecider.decide(
          { type: 'AddBuilding', data: { ...input, buildingId, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: buildingId };
  }
}
