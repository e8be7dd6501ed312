import type { SmartTransaction } from "../client/types.js";
import { valuesAt } from "./table.js";

/** The fields `find --csv` writes when `--fields` names none: raw values, as a spreadsheet wants them. */
export const DEFAULT_CSV_FIELDS: readonly string[] = [
  "id",
  "created",
  "status",
  "basket_info.sum",
  "basket_info.currency",
  "customer.contact.forename",
  "customer.contact.surname",
  "customer.contact.companyname",
];

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;
// A cell that starts like this is run as a formula by spreadsheets (CSV injection): one from a record must not be.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. A text a spreadsheet would
 * run as a formula gets a `'` before it, as OWASP advises; a plain number is left as it is.
 */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV header of the fields, and a writer of one line per record (several values of a field joined by `, `). */
export function csvWriter(
  write: (text: string) => void,
  fields: readonly string[],
): { add(record: SmartTransaction): void } {
  const line = (cells: readonly string[]): string => `${cells.map(csvCell).join(",")}\r\n`;
  write(line(fields));
  return {
    add(record) {
      write(line(fields.map((field) => valuesAt(record, field).join(", "))));
    },
  };
}
