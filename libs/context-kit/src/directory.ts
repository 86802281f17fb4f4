import { Inject, type Type } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ObjectLiteral } from 'typeorm';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';

/** The command a foreign fact becomes when all a context does with it is keep a row of it. */
export interface RecordEntry<Row> extends Command<void> {
  readonly entry: Row;
  readonly context: CommandContext;
}

export interface DirectoryOf<Row> {
  /** `new Record(entry, context)`: the one explicit command of the consumed fact. */
  readonly Record: new (entry: Row, context: CommandContext) => RecordEntry<Row>;
  /** Its handler, for the context's `handlers`. */
  readonly Handler: Type<ICommandHandler<RecordEntry<Row>>>;
}

/**
 * What a context keeps of others' facts in a table of its own (a directory of compounds, companies,
 * contracts…): one command and its handler, an upsert by the row's key, so a redelivered fact
 * writes the same row again. Every context had written this pair by hand, once per table.
 */
export function directoryOf<Row extends ObjectLiteral>(
  entity: Type<Row>,
  key: keyof Row & string,
): DirectoryOf<Row> {
  class Record extends Command<void> implements RecordEntry<Row> {
    constructor(
      readonly entry: Row,
      readonly context: CommandContext,
    ) {
      super();
    }
  }
  Object.defineProperty(Record, 'name', { value: `Record${entity.name}Command` });

  @CommandHandler(Record)
  class Handler implements ICommandHandler<Record> {
    constructor(@Inject(SQL_DATABASE) readonly db: SqlDatabase) {}

    async execute({ entry }: Record): Promise<void> {
      await this.db.transaction((m) => m.getRepository(entity).upsert(entry, [key]));
    }
  }
  Object.defineProperty(Handler, 'name', { value: `Record${entity.name}Handler` });

  return { Record, Handler };
}
