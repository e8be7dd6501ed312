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

/** Records as a table for a terminal. */
export function table(records: readonly SmartTransaction[]): string {
  const rows = [HEADERS, ...records.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => {
        const pad = " ".repeat(widths[column]! - [...cell].length);
        return RIGHT.has(column) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return `${rows.map(line).join("\n")}\n`;
}
