import type { SmartTransaction } from "../client/types.js";
import { displayWidth, graphemesOf, terminalSafe } from "../diagnostics/display.js";

/** A column of the table: the field it shows (its header), and how a record's value is written in it. */
export interface Column {
  /** The field's dotted path, or a path and what is shown of it (`customer.contact (name)`). */
  readonly header: string;
  readonly cell: (record: SmartTransaction) => string;
  /** Amounts read best aligned on the right. */
  readonly right?: boolean;
}

const money = (cents: number | undefined, currency = "EUR"): string => {
  if (cents === undefined) return "";
  try {
    return new Intl.NumberFormat("de-DE", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
};

/** Every value at a dotted path (through arrays at any depth) as text; a number, boolean or object as JSON. */
export function valuesAt(record: unknown, path: string): string[] {
  const found: string[] = [];
  const keys = path.split(".");
  const collect = (value: unknown, index: number): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) for (const item of value) collect(item, index);
    else if (index === keys.length) found.push(typeof value === "string" ? value : JSON.stringify(value));
    else if (typeof value === "object") collect((value as Record<string, unknown>)[keys[index]!], index + 1);
  };
  collect(record, 0);
  return found;
}

/** The columns a person reads first, each headed by the field it shows. */
export const DEFAULT_COLUMNS: readonly Column[] = [
  { header: "id", cell: (record) => record.id ?? "" },
  { header: "created", cell: (record) => record.created?.slice(0, 16).replace("T", " ") ?? "" },
  { header: "status", cell: (record) => record.status ?? "" },
  {
    header: "basket_info.sum",
    cell: (record) => money(record.basket_info?.sum, record.basket_info?.currency),
    right: true,
  },
  {
    header: "customer.contact (name)",
    cell: (record) => {
      const contact = record.customer?.contact;
      const person = [contact?.forename, contact?.surname].filter(Boolean).join(" ");
      return person === "" ? (contact?.companyname ?? "") : person;
    },
  },
];

/** The columns for the fields asked for (`--fields`): the default column of a field where there is one. */
export function columnsFor(fields: readonly string[]): Column[] {
  return fields.map(
    (field) =>
      DEFAULT_COLUMNS.find((column) => column.header === field) ?? {
        header: field,
        cell: (record) => valuesAt(record, field).join(", "),
      },
  );
}

/** The text cut to `width` columns with … at its end. */
function cutTo(text: string, width: number): string {
  let out = "";
  let used = 0;
  for (const { segment } of graphemesOf(text)) {
    const next = displayWidth(segment);
    if (used + next > width - 1) break;
    out += segment;
    used += next;
  }
  return `${out}…`;
}

/** A row with each cell padded to its column's width, or cut with … when longer (but for the last). */
function line(row: readonly string[], widths: readonly number[], columns: readonly Column[]): string {
  return row
    .map((cell, column) => {
      const width = widths[column]!;
      // The last column may run on: nothing after it to keep aligned.
      const last = column === row.length - 1;
      const fitted = displayWidth(cell) > width && !last ? cutTo(cell, width) : cell;
      const pad = " ".repeat(Math.max(0, width - displayWidth(fitted)));
      return columns[column]!.right ? pad + fitted : fitted + pad;
    })
    .join("  ")
    .trimEnd();
}

// Control and invisible characters in a record would reach the terminal raw: they are shown as marks.
const cellsOf = (record: SmartTransaction, columns: readonly Column[]): string[] =>
  columns.map((column) => terminalSafe(column.cell(record)));

const widthsOf = (rows: readonly (readonly string[])[], columns: readonly Column[]): number[] =>
  columns.map((_, column) => rows.reduce((widest, row) => Math.max(widest, displayWidth(row[column]!)), 0));

/** Records as a table for a terminal, each column as wide as its longest cell. */
export function table(records: readonly SmartTransaction[], columns: readonly Column[] = DEFAULT_COLUMNS): string {
  const rows = [columns.map((column) => column.header), ...records.map((record) => cellsOf(record, columns))];
  const widths = widthsOf(rows, columns);
  return `${rows.map((row) => line(row, widths, columns)).join("\n")}\n`;
}

/** A table written as records come, for a stream of any length. */
export interface TableWriter {
  add(record: SmartTransaction): void;
  /** Writes what is still held back. */
  end(): void;
}

/**
 * A table for a terminal that holds back only its first `sizeBy` records, to size the columns by them; it writes
 * every later record at once, cutting a cell longer than its column with …, so memory stays flat however many
 * records come.
 */
export function tableWriter(
  write: (text: string) => void,
  sizeBy = 100,
  columns: readonly Column[] = DEFAULT_COLUMNS,
): TableWriter {
  const headers = columns.map((column) => column.header);
  const held: string[][] = [];
  let widths: number[] | undefined;
  const start = (): number[] => {
    const sized = widthsOf([headers, ...held], columns);
    write(`${[headers, ...held].map((row) => line(row, sized, columns)).join("\n")}\n`);
    held.length = 0;
    return sized;
  };
  return {
    add(record) {
      if (widths) {
        write(`${line(cellsOf(record, columns), widths, columns)}\n`);
        return;
      }
      held.push(cellsOf(record, columns));
      if (held.length >= sizeBy) widths = start();
    },
    end() {
      widths ??= start();
    },
  };
}
