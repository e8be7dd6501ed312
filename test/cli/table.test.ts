import { describe, expect, it } from "vitest";
import type { SmartTransaction } from "../../src/client/types.js";
import { columnsFor, table, tableWriter } from "../../src/cli/table.js";

const record = (id: string, surname: string, sum: number): SmartTransaction => ({
  id,
  created: "2026-03-29T10:15:00+02:00",
  status: "approved",
  basket_info: { sum, currency: "EUR" },
  customer: { contact: { forename: "Anna", surname } },
});

describe("table", () => {
  it("sizes each column by its longest cell and aligns amounts on the right", () => {
    const text = table([record("STX_1", "Weber", 1999), record("STX_22", "Schneider", 123456)]).replaceAll(
      "\u00a0",
      " ",
    );
    expect(text).toBe(
      [
        "id      created           status    basket_info.sum  customer.contact (name)",
        "STX_1   2026-03-29 10:15  approved          19,99 €  Anna Weber",
        "STX_22  2026-03-29 10:15  approved       1.234,56 €  Anna Schneider",
        "",
      ].join("\n"),
    );
  });

  it("shows control and bidi characters from a record as marks, never raw", () => {
    expect(table([record("STX_\u001b[2J", "\u202eWeber", 1)])).toContain("STX_\u241b[2J");
    expect(table([record("STX_1", "\u202eWeber", 1)])).toContain("Anna ⟨U+202E⟩Weber");
  });

  it("heads each column with the field it shows, and shows the fields asked for", () => {
    const rows = table(
      [{ ...record("STX_1", "Weber", 100), basket: { products: [{ id: 1 }, { id: 2 }] } }],
      columnsFor(["id", "basket.products.id", "basket_info.sum", "customer.contact"]),
    ).split("\n");
    expect(rows[0]).toBe("id     basket.products.id  basket_info.sum  customer.contact");
    expect(rows[1]).toBe('STX_1  1, 2                         1,00\u00a0€  {"forename":"Anna","surname":"Weber"}');
  });

  it("lines up wide characters and emoji by their display width, and cuts them whole", () => {
    const writes: string[] = [];
    const rows = tableWriter((text) => writes.push(text), 1, columnsFor(["id", "status"]));
    rows.add({ id: "中文", status: "a" });
    rows.add({ id: "😀😀x", status: "b" });
    rows.end();
    expect(writes.join("")).toBe("id    status\n中文  a\n😀…   b\n");
  });
});

describe("tableWriter", () => {
  it("holds back only the records that size the columns, then writes each at once, cutting what is longer", () => {
    const writes: string[] = [];
    const rows = tableWriter((text) => writes.push(text), 2);
    rows.add(record("STX_1", "Weber", 100));
    rows.add(record("STX_2", "Koch", 100));
    expect(writes).toHaveLength(1);
    rows.add(record("STX_333333", "Schneider-Müller", 100));
    rows.end();
    expect(writes).toHaveLength(2);
    // The id column is five wide, from the first two: a longer id is cut with …; the last column is not padded.
    expect(writes[1]).toBe("STX_…  2026-03-29 10:15  approved           1,00\u00a0€  Anna Schneider-Müller\n");
  });

  it("writes the header and what it held when the records end early", () => {
    const writes: string[] = [];
    const rows = tableWriter((text) => writes.push(text));
    rows.end();
    expect(writes).toEqual(["id  created  status  basket_info.sum  customer.contact (name)\n"]);
  });
});
