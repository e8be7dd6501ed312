import type { SmartTransaction } from "../client/types.js";

const money = (cents: number | undefined, currency = "EUR"): string => {
  if (cents === undefined) return "";
  try {
    return new Intl.NumberFormat("de-DE", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
};

// Control characters in a record would reach the terminal raw.
const printable = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");

/** The columns a person reads first: id, created, status, amount as money, customer. */
function cells(record: SmartTransaction): string[] {
  const contact = record.customer?.contact;
  const person = [contact?.forename, contact?.surname].filter(Boolean).join(" ");
  const name = person === "" ? (contact?.companyname ?? "") : person;
  return [
    record.id ?? "",
    record.created?.slice(0, 16).replace("T", " ") ?? "",
    record.status ?? "",
    money(record.basket_info?.sum, record.basket_info?.currency),
    name,
  ].map(printable);
}

const HEADERS = ["id", "created", "status", "amount", "customer"];
// Amounts read best aligned on the right.
const RIGHT = new Set([3]);

const length = (text: string): number => [...text].length;

/** A row with each cell padded to its column's width, or cut with … when longer (but for the last). */
function line(row: readonly string[], widths: readonly number[]): string {
  return row
    .map((cell, column) => {
      const width = widths[column]!;
      // The last column may run on: nothing after it to keep aligned.
      const last = column === row.length - 1;
      const fitted = length(cell) > width && !last ? `${[...cell].slice(0, width - 1).join("")}…` : cell;
      const pad = " ".repeat(Math.max(0, width - length(fitted)));
      return RIGHT.has(column) ? pad + fitted : fitted + pad;
    })
    .join("  ")
    .trimEnd();
}

const widthsOf = (rows: readonly (readonly string[])[]): number[] =>
  HEADERS.map((_, column) => rows.reduce((widest, row) => Math.max(widest, length(row[column]!)), 0));

/** Records as a table for a terminal, each column as wide as its longest cell. */
export function table(records: readonly SmartTransaction[]): string {
  const rows = [HEADERS, ...records.map(cells)];
  const widths = widthsOf(rows);
  return `${rows.map((row) => line(row, widths)).join("\n")}\n`;
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
export function tableWriter(write: (text: string) => void, sizeBy = 100): TableWriter {
  const held: string[][] = [];
  let widths: number[] | undefined;
  const start = (): number[] => {
    const sized = widthsOf([HEADERS, ...held]);
    write(`${[HEADERS, ...held].map((row) => line(row, sized)).join("\n")}\n`);
    held.length = 0;
    return sized;
  };
  return {
    add(record) {
      if (widths) {
        write(`${line(cells(record), widths)}\n`);
        return;
      }
      held.push(cells(record));
      if (held.length >= sizeBy) widths = start();
    },
    end() {
      widths ??= start();
    },
  };
}
