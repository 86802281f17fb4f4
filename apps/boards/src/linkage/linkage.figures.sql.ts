import { quoteIdent, type SqlDatabase } from '@cogov/persistence';
import {
  type OpenByParty,
  type RedPropertyStatus,
  type Settlement,
  noOrders,
  openByParty,
  redPropertyStatus,
  settlement,
} from './domain/linkage-figures';

/** Which compounds a board covers: one, a community's, or a street's. */
export type BoardScope =
  | { readonly level: 'compound'; readonly id: string }
  | { readonly level: 'community'; readonly id: string }
  | { readonly level: 'street'; readonly id: string };

/** What a board shows of each of its compounds, all counted at read time from the rows. */
export interface CompoundFigures {
  readonly compoundId: string;
  readonly communityId: string;
  readonly name: string;
  /** The branch covering the compound (ADR 15: one), null when none was founded. */
  readonly branch: { readonly organizationId: string; readonly name: string | null } | null;
  /** The owners' committee whose term has today in it, and its Party share as it judged it. */
  readonly ownersCommittee: {
    readonly committeeId: string;
    readonly partyShare: 'compliant' | 'non-compliant';
  } | null;
  /** The company whose service contract has today in it, and its red-property status. */
  readonly propertyCompany: { readonly companyId: string; readonly redProperty: RedPropertyStatus } | null;
  readonly buildings: number;
  readonly buildingsWithLeader: number;
  readonly orders: {
    readonly open: number;
    readonly overdue: number;
    readonly openByParty: OpenByParty;
    readonly settlement: Settlement;
  };
  readonly jointMeetingTasks: { readonly open: number; readonly overdue: number };
}

type Row = Record<string, unknown>;

/** A statement built left to right, its placeholders numbered as its values are added. */
class Statement {
  readonly values: unknown[] = [];
  constructor(private readonly db: SqlDatabase) {}
  value(v: unknown): string {
    this.values.push(v);
    return this.db.param(this.values.length);
  }
}

const col = (alias: string, column: string) => `${alias}.${quoteIdent(column)}`;
const count = (v: unknown): number => Number(v ?? 0);

/**
 * The figures of every compound of a board, in one `GROUP BY` statement per kind of figure (never
 * one per compound), over indexed columns. `today` is the clock's UTC day: a term, a contract and
 * a task's due day are compared with it as text (`YYYY-MM-DD` orders as days do).
 */
export async function compoundFigures(
  db: SqlDatabase,
  scope: BoardScope,
  today: string,
): Promise<CompoundFigures[]> {
  const t = (name: string) => db.table(name);
  // The scope's compounds are a subquery written where it stands in the text: SQLite numbers its
  // `?` placeholders by position, so each value is added as the text reaches it.
  const run = async (build: (s: Statement, inScope: () => string) => string): Promise<Row[]> => {
    const s = new Statement(db);
    const text = build(s, () => compoundsIn(s));
    return db.readSource.query<Row[]>(text, s.values);
  };
  const compoundsIn = (s: Statement): string => {
    const id = s.value(scope.id);
    switch (scope.level) {
      case 'compound':
        return `(SELECT ${quoteIdent('compoundId')} FROM ${t('bd_compound')} WHERE ${quoteIdent('compoundId')} = ${id})`;
      case 'community':
        return `(SELECT ${quoteIdent('compoundId')} FROM ${t('bd_compound')} WHERE ${quoteIdent('communityId')} = ${id})`;
      case 'street':
        return (
          `(SELECT ${col('k', 'compoundId')} FROM ${t('bd_compound')} k JOIN ${t('bd_community')} m ` +
          `ON ${col('m', 'communityId')} = ${col('k', 'communityId')} WHERE ${col('m', 'streetId')} = ${id})`
        );
    }
  };
  // The orders' figures come from their compounds' tallies (order-rollups.ts: what is open, by
  // the party it waits on; what closed, by executor and grid), kept as the order facts arrive.
  // Where each holder of a filled post reaches: the post's grid and the grids one or two levels
  // over or under it, for the kinds of person an executor can be (a Party member, a building
  // leader). UNION keeps one row per holder and grid, so an order joins at most one.
  const reach = (() => {
    const live = `${col('gp', 'filledAt')} IS NOT NULL AND ${col('gp', 'vacatedAt')} IS NULL AND ${col('gp', 'holderKind')} IN ('member', 'building-leader')`;
    const holder = `${col('gp', 'holderKind')} AS kind, ${col('gp', 'holderId')} AS holder`;
    const posts = `${t('bd_grid_post')} gp`;
    const grid = (alias: string) => `${t('bd_grid')} ${alias}`;
    return [
      `SELECT ${holder}, ${col('gp', 'gridId')} AS grid FROM ${posts} WHERE ${live}`,
      `SELECT ${holder}, ${col('x', 'gridId')} FROM ${posts} JOIN ${grid('x')} ON ${col('x', 'parentId')} = ${col('gp', 'gridId')} WHERE ${live}`,
      `SELECT ${holder}, ${col('y', 'gridId')} FROM ${posts} JOIN ${grid('x')} ON ${col('x', 'parentId')} = ${col('gp', 'gridId')} ` +
        `JOIN ${grid('y')} ON ${col('y', 'parentId')} = ${col('x', 'gridId')} WHERE ${live}`,
      `SELECT ${holder}, ${col('x', 'parentId')} FROM ${posts} JOIN ${grid('x')} ON ${col('x', 'gridId')} = ${col('gp', 'gridId')} ` +
        `WHERE ${live} AND ${col('x', 'parentId')} IS NOT NULL`,
      `SELECT ${holder}, ${col('y', 'parentId')} FROM ${posts} JOIN ${grid('x')} ON ${col('x', 'gridId')} = ${col('gp', 'gridId')} ` +
        `JOIN ${grid('y')} ON ${col('y', 'gridId')} = ${col('x', 'parentId')} WHERE ${live} AND ${col('y', 'parentId')} IS NOT NULL`,
    ].join(' UNION ');
  })();

  const [compounds, branches, committees, contracts, rules, buildings, open, closed, tasks] =
    await Promise.all([
      run(
        (_, inScope) =>
          `SELECT ${col('k', 'compoundId')} AS id, ${col('k', 'communityId')} AS community, ${col('k', 'name')} AS name ` +
          `FROM ${t('bd_compound')} k WHERE ${col('k', 'compoundId')} IN ${inScope()} ORDER BY ${col('k', 'name')}, ${col('k', 'compoundId')}`,
      ),
      run(
        (_, inScope) =>
          `SELECT ${col('oc', 'compoundId')} AS id, ${col('oc', 'organizationId')} AS branch, ${col('o', 'name')} AS name ` +
          `FROM ${t('bd_organization_compound')} oc LEFT JOIN ${t('bd_party_organization')} o ` +
          `ON ${col('o', 'organizationId')} = ${col('oc', 'organizationId')} ` +
          `WHERE ${col('oc', 'kind')} = 'branch' AND ${col('oc', 'compoundId')} IN ${inScope()}`,
      ),
      run((s, inScope) => {
        // A placeholder per use: SQLite's `?` are positional.
        const startedBy = s.value(today);
        const endsFrom = s.value(today);
        return (
          `SELECT ${col('c', 'compoundId')} AS id, ${col('c', 'committeeId')} AS committee, ` +
          `${col('c', 'termStart')} AS start, ${col('c', 'partyShareCompliant')} AS compliant ` +
          `FROM ${t('bd_owners_committee')} c WHERE ${col('c', 'termStart')} <= ${startedBy} AND ${col('c', 'termEnd')} >= ${endsFrom} ` +
          `AND ${col('c', 'compoundId')} IN ${inScope()}`
        );
      }),
      run((s, inScope) =>
        currentContracts(
          s,
          inScope,
          `${col('sc', 'compoundId')} AS id, ${col('sc', 'companyId')} AS company, ${col('sc', 'startsOn')} AS start`,
          today,
        ),
      ),
      run((s, inScope) => {
        const serving = currentContracts(s, inScope, `${col('sc', 'companyId')} AS company`, today);
        return (
          `SELECT ${col('r', 'companyId')} AS company, ${col('r', 'rule')} AS rule, ${col('r', 'status')} AS status ` +
          `FROM ${t('bd_red_property_rule')} r WHERE ${col('r', 'companyId')} IN (SELECT company FROM (${serving}) serving)`
        );
      }),
      run(
        (_, inScope) =>
          `SELECT ${col('b', 'compoundId')} AS id, COUNT(*) AS buildings, SUM(CASE WHEN EXISTS (SELECT 1 FROM ${t('bd_building_leader')} l ` +
          `WHERE ${col('l', 'buildingId')} = ${col('b', 'buildingId')}) THEN 1 ELSE 0 END) AS led ` +
          `FROM ${t('bd_building')} b WHERE ${col('b', 'compoundId')} IN ${inScope()} GROUP BY ${col('b', 'compoundId')}`,
      ),
      run(
        (_, inScope) =>
          `SELECT ${col('ot', 'compoundId')} AS id, ${col('ot', 'kind')} AS kind, SUM(${col('ot', 'orders')}) AS orders, ` +
          `SUM(${col('ot', 'overdue')}) AS overdue FROM ${t('bd_order_tally')} ot ` +
          `WHERE ${col('ot', 'facet')} = 'open' AND ${col('ot', 'compoundId')} IN ${inScope()} ` +
          `GROUP BY ${col('ot', 'compoundId')}, ${col('ot', 'kind')}`,
      ),
      // Settled within the grid: closed, not whistled, by someone whose post reaches its grid now.
      run(
        (_, inScope) =>
          `WITH reach AS (${reach}) ` +
          `SELECT ${col('ot', 'compoundId')} AS id, SUM(${col('ot', 'orders')}) AS closed, ` +
          `SUM(${col('ot', 'escalated')}) AS escalated, ` +
          `SUM(CASE WHEN reach.holder IS NOT NULL THEN ${col('ot', 'orders')} - ${col('ot', 'escalated')} ELSE 0 END) AS grid ` +
          `FROM ${t('bd_order_tally')} ot LEFT JOIN reach ON reach.kind = ${col('ot', 'kind')} ` +
          `AND reach.holder = ${col('ot', 'holder')} AND reach.grid = ${col('ot', 'gridId')} ` +
          `WHERE ${col('ot', 'facet')} = 'closed' AND ${col('ot', 'compoundId')} IN ${inScope()} ` +
          `GROUP BY ${col('ot', 'compoundId')}`,
      ),
      run((s, inScope) => {
        const day = s.value(today);
        return (
          `SELECT ${col('j', 'compoundId')} AS id, COUNT(*) AS open, ` +
          `SUM(CASE WHEN ${col('j', 'dueOn')} < ${day} THEN 1 ELSE 0 END) AS overdue ` +
          `FROM ${t('bd_joint_meeting_task')} j WHERE ${col('j', 'doneAt')} IS NULL AND ${col('j', 'dueOn')} IS NOT NULL ` +
          `AND ${col('j', 'compoundId')} IN ${inScope()} GROUP BY ${col('j', 'compoundId')}`
        );
      }),
    ]);

  /** The contracts of the scope's compounds with today in their days, the columns named. */
  function currentContracts(s: Statement, inScope: () => string, columns: string, day: string): string {
    const startedBy = s.value(day);
    const endsFrom = s.value(day);
    return (
      `SELECT ${columns} FROM ${t('bd_service_contract')} sc WHERE ${col('sc', 'startsOn')} <= ${startedBy} ` +
      `AND ${col('sc', 'endsOn')} >= ${endsFrom} AND ${col('sc', 'compoundId')} IN ${inScope()}`
    );
  }

  const byCompound = <T>(rows: Row[], pick: (rows: Row[]) => T): Map<string, T> => {
    const grouped = new Map<string, Row[]>();
    for (const row of rows) grouped.set(String(row.id), [...(grouped.get(String(row.id)) ?? []), row]);
    return new Map([...grouped].map(([id, of]) => [id, pick(of)]));
  };
  // Two current terms or contracts should not be; if they are, the one that started last counts.
  const latest = (of: Row[]) => [...of].sort((a, b) => String(b.start).localeCompare(String(a.start)))[0]!;
  const rulesOf = new Map<string, Array<{ rule: string; status: string }>>();
  for (const r of rules) {
    rulesOf.set(String(r.company), [
      ...(rulesOf.get(String(r.company)) ?? []),
      { rule: String(r.rule), status: String(r.status) },
    ]);
  }
  const branchOf = byCompound(branches, (of) => of[0]!);
  const committeeOf = byCompound(committees, latest);
  const contractOf = byCompound(contracts, latest);
  const buildingsOf = byCompound(buildings, (of) => of[0]!);
  const openOf = byCompound(open, (of) => of);
  const closedOf = byCompound(closed, (of) => of[0]!);
  const tasksOf = byCompound(tasks, (of) => of[0]!);

  return compounds.map((k): CompoundFigures => {
    const id = String(k.id);
    const branch = branchOf.get(id);
    const committee = committeeOf.get(id);
    const contract = contractOf.get(id);
    const building = buildingsOf.get(id);
    const openRows = openOf.get(id) ?? [];
    const closedRow = closedOf.get(id);
    const task = tasksOf.get(id);
    return {
      compoundId: id,
      communityId: String(k.community),
      name: String(k.name),
      branch: branch
        ? { organizationId: String(branch.branch), name: (branch.name as string | null) ?? null }
        : null,
      ownersCommittee: committee
        ? {
            committeeId: String(committee.committee),
            // No compliance fact yet: compliant since its formation, as the committee holds.
            partyShare: isFalse(committee.compliant) ? 'non-compliant' : 'compliant',
          }
        : null,
      propertyCompany: contract
        ? {
            companyId: String(contract.company),
            redProperty: redPropertyStatus(rulesOf.get(String(contract.company)) ?? []),
          }
        : null,
      buildings: count(building?.buildings),
      buildingsWithLeader: count(building?.led),
      orders: {
        open: openRows.reduce((n, r) => n + count(r.orders), 0),
        overdue: openRows.reduce((n, r) => n + count(r.overdue), 0),
        openByParty:
          openRows.length === 0
            ? noOrders()
            : openByParty(
                openRows.map((r) => ({
                  // The tally's '' is nobody: the order waits on the residents' committee.
                  assigneeKind: r.kind === '' || r.kind == null ? null : String(r.kind as string),
                  orders: count(r.orders),
                })),
              ),
        settlement: settlement(count(closedRow?.closed), count(closedRow?.grid), count(closedRow?.escalated)),
      },
      jointMeetingTasks: { open: count(task?.open), overdue: count(task?.overdue) },
    };
  });
}

/** A boolean column as either driver returns it (SQLite: 0 or 1). */
function isFalse(value: unknown): boolean {
  return value === false || value === 0;
}
