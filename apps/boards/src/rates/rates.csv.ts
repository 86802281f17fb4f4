import { stringify } from 'csv-stringify/sync';
import { csvRecords } from './domain/rates';
import type { RatesTable } from './rates.query';

/** A bound as a file name may carry it: the day alone at midnight UTC, else the time without colons. */
const fileBound = (iso: string) =>
  iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/:/g, '').replace(/\.000Z$/, 'Z');

/**
 * The table as CSV (UTF-8, a header row, the JSON's rows and figures) and the file's name. A cell
 * a spreadsheet would run as a formula (a name starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return: names come from whoever registered the place) is prefixed with `'`.
 */
export function ratesCsv(table: RatesTable): { filename: string; body: string } {
  return {
    filename: `rates-${table.level}-${fileBound(table.from)}-${fileBound(table.to)}.csv`,
    body: stringify(csvRecords(table.rows), { escape_formulas: true }),
  };
}
