import {
  Command,
  CommandHandler,
  type ICommandHandler,
  IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { catalogueDecider } from '../domain/catalogue';
import { catalogueAggregate, type CatalogueRepository } from '../infrastructure/aggregates';

export class AddCatalogueItemCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { communityId: string; name: string; points: number },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddCatalogueItemCommand)
export class AddCatalogueItemHandler implements ICommandHandler<AddCatalogueItemCommand> {
  constructor(@InjectRepository(catalogueAggregate) private readonly catalogues: CatalogueRepository) {}

  async execute({ input, context }: AddCatalogueItemCommand) {
    const itemId = newId(context, 'points-bank.catalogue-item');
    await this.catalogues.handle(
      input.communityId,
      (state) =>
        catalogueDecider.decide(
          {
            type: 'AddItem',
            data: { ...input, itemId, addedBy: context.actorId, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: itemId };
  }
}

export class GetCatalogueQuery extends Query<unknown> {
  constructor(readonly communityId: string) {
    super();
  }
}

@QueryHandler(GetCatalogueQuery)
export class GetCatalogueHandler implements IQueryHandler<GetCatalogueQuery> {
  constructor(@InjectRepository(catalogueAggregate) private readonly catalogues: CatalogueRepository) {}

  async execute({ communityId }: GetCatalogueQuery) {
    const { state } = await this.catalogues.load(communityId);
    return { communityId, items: state.items };
  }
}
