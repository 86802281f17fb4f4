/**
 * For tests: reading the rates' CSV export back, apart from the code that writes it, to hold it
 * against the JSON. csv-parse is not a dependency; this reader knows what RFC 4180 quoting needs.
 */

/** Records of cells; quoted cells may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n') {
      records.push([...record, cell]);
      record = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}

const TEXT_COLUMNS = new Set(['id', 'name']);

/** The export's records as objects by header name: numbers as numbers, an empty cell as null. */
export function csvObjects(text: string): Array<Record<string, string | number | null>> {
  const [header, ...records] = parseCsv(text);
  return records.map((record) =>
    Object.fromEntries(
      header!.map((name, i) => {
        const value = record[i]!;
        return [name, value === '' ? null : TEXT_COLUMNS.has(name) ? value : Number(value)];
      }),
    ),
  );
}

interface JsonRow {
  rank: number;
  id: string;
  name: string | null;
  orders: number;
  response: { due: number; inTime: number; rate: number | null };
  resolution: { due: number; resolved: number; rate: number | null };
  satisfaction: { ratings: number; satisfied: number; rate: number | null };
  composite: number | null;
  breaches: { accept: number; onSite: number; complete: number };
  averageMs: { accept: number | null; onSite: number | null; complete: number | null };
}

/** What a JSON row should read as in the export, column by column, named by hand. */
export const flatRow = (r: JsonRow) => ({
  rank: r.rank,
  id: r.id,
  name: r.name,
  orders: r.orders,
  responseDue: r.response.due,
  responseInTime: r.response.inTime,
  responseRate: r.response.rate,
  resolutionDue: r.resolution.due,
  resolved: r.resolution.resolved,
  resolutionRate: r.resolution.rate,
  ratings: r.satisfaction.ratings,
  satisfied: r.satisfaction.satisfied,
  satisfactionRate: r.satisfaction.rate,
  composite: r.composite,
  breachesAccept: r.breaches.accept,
  breachesOnSite: r.breaches.onSite,
  breachesComplete: r.breaches.complete,
  averageAcceptMs: r.averageMs.accept,
  averageOnSiteMs: r.averageMs.onSite,
  averageCompleteMs: r.averageMs.complete,
});
