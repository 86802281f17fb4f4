import { Inject, type Type } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { CommandContext } from '@cogov/event-sourcing';
import { quoteIdent, SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';

/** The command a foreign fact becomes when all a context does with it is keep a row of it. */
export interface RecordEntry<Row> extends Command<void> {
  /** One row, or several a fact describes at once (each deadline of a schedule, say). */
  readonly entry: Row | readonly Row[];
  readonly context: CommandContext;
}

export interface DirectoryOf<Row> {
  /** `new Record(entry, context)`: the one explicit command of the consumed fact. */
  readonly Record: new (entry: Row | readonly Row[], context: CommandContext) => RecordEntry<Row>;
  /** Its handler, for the context's `handlers`. */
  readonly Handler: Type<ICommandHandler<RecordEntry<Row>>>;
}

export interface DirectoryOptions<Row> {
  /**
   * Columns that order the facts writing this row, most significant first (a round, then a
   * time): a fact older than the row's, which a bus may deliver late when it comes from another
   * publisher, leaves the row as it is. A fact as new as the row's writes it again.
   */
  readonly newerBy?: ReadonlyArray<keyof Row & string>;
  /** The name the command and handler are called after, when one table has several writers. */
  readonly name?: string;
  /**
   * Work that must move with the rows, in their transaction and around their write: a roll-up of
   * the rows (a sum by day, say) reads what they were, calls `write`, and reads what they are, so
   * it changes by exactly what the fact changed, whatever order facts arrive in.
   */
  readonly around?: DirectoryWriteAround<Row>;
}

export type DirectoryWriteAround<Row> = (
  write: () => Promise<void>,
  transaction: { readonly manager: EntityManager; readonly db: SqlDatabase; readonly rows: readonly Row[] },
) => Promise<void>;

/**
 * What a context keeps of others' facts in a table of its own (a directory of compounds, companies,
 * contracts…): one command and its handler, an upsert by the row's key, so a redelivered fact
 * writes the same row again. Only the columns the entry names are written: several facts may
 * each keep their own columns of one row. Every context had written this pair by hand, once per
 * table.
 */
export function directoryOf<Row extends ObjectLiteral>(
  entity: Type<Row>,
  key: (keyof Row & string) | ReadonlyArray<keyof Row & string>,
  options: DirectoryOptions<Row> = {},
): DirectoryOf<Row> {
  const keys: ReadonlyArray<keyof Row & string> = typeof key === 'string' ? [key] : key;
  const label = options.name ?? entity.name;
  class Record extends Command<void> implements RecordEntry<Row> {
    constructor(
      readonly entry: Row | readonly Row[],
      readonly context: CommandContext,
    ) {
      super();
    }
  }
  Object.defineProperty(Record, 'name', { value: `Record${label}Command` });

  @CommandHandler(Record)
  class Handler implements ICommandHandler<Record> {
    constructor(@Inject(SQL_DATABASE) readonly db: SqlDatabase) {}

    async execute({ entry }: Record): Promise<void> {
      const newerBy = options.newerBy ?? [];
      const rows: readonly Row[] = Array.isArray(entry) ? entry : [entry as Row];
      await this.db.transaction(async (m) => {
        const write = async () => {
          for (const row of rows) {
            if (newerBy.length > 0) await upsertIfNewer(this.db, m, entity, row, keys, newerBy);
            else await m.getRepository(entity).upsert(row, [...keys]);
          }
        };
        if (options.around) await options.around(write, { manager: m, db: this.db, rows });
        else await write();
      });
    }
  }
  Object.defineProperty(Handler, 'name', { value: `Record${label}Handler` });

  return { Record, Handler };
}

/**
 * `INSERT … ON CONFLICT (key) DO UPDATE SET … WHERE <the row is not newer>`, one statement in
 * both dialects, so two facts racing on one row cannot interleave a read and a write.
 */
async function upsertIfNewer<Row extends ObjectLiteral>(
  db: SqlDatabase,
  manager: EntityManager,
  entity: Type<Row>,
  entry: Row,
  keys: ReadonlyArray<string>,
  newerBy: ReadonlyArray<string>,
): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const written = metadata.columns.filter((c) => c.getEntityValue(entry) !== undefined);
  const column = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.tableName} has no column ${property}`);
    return quoteIdent(found.databaseName);
  };
  for (const property of [...keys, ...newerBy]) {
    if (entry[property] === undefined) throw new Error(`${metadata.tableName}: the entry has no ${property}`);
  }
  const names = written.map((c) => quoteIdent(c.databaseName));
  // The driver's own conversion (a boolean is 1 or 0 on SQLite), as TypeORM's upsert does.
  const values: unknown[] = written.map(
    (c): unknown => manager.connection.driver.preparePersistentValue(c.getEntityValue(entry), c) as unknown,
  );
  const keyNames = keys.map(column);
  const updates = names.filter((n) => !keyNames.includes(n)).map((n) => `${n} = excluded.${n}`);
  // Lexicographic "the stored row is older or as old": a null stored value is older than any.
  const notNewer = (i: number): string => {
    const c = column(newerBy[i]!);
    const tail = i + 1 < newerBy.length ? ` OR (stored.${c} = excluded.${c} AND (${notNewer(i + 1)}))` : '';
    const lastOrEqual = i + 1 < newerBy.length ? '<' : '<=';
    return `stored.${c} IS NULL OR stored.${c} ${lastOrEqual} excluded.${c}${tail}`;
  };
  const placeholders = values.map((_, i) => db.param(i + 1)).join(', ');
  await manager.query(
    `INSERT INTO ${db.table(metadata.tableName)} AS stored (${names.join(', ')}) VALUES (${placeholders}) ` +
      `ON CONFLICT (${keyNames.join(', ')}) DO UPDATE SET ${updates.join(', ')} WHERE ${notNewer(0)}`,
    values,
  );
}
