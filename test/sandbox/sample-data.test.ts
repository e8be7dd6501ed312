import { describe, expect, it } from "vitest";
import { sampleTransactions } from "../../src/sandbox/sample-data.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import type { FieldType } from "../../src/schema/schema-types.js";
import { parseIsoDate } from "../../src/schema/values.js";

const sample = sampleTransactions(4000, 11);

/** Each scalar in a record with its dotted path (array elements share their array's path). */
function* leaves(value: unknown, path = ""): Generator<[string, unknown]> {
  if (Array.isArray(value)) for (const item of value) yield* leaves(item, path);
  else if (typeof value === "object" && value !== null)
    for (const [key, inner] of Object.entries(value)) yield* leaves(inner, path ? `${path}.${key}` : key);
  else yield [path, value];
}

const TYPE_OF_VALUE: Record<FieldType, (value: unknown) => boolean> = {
  keyword: (value) => typeof value === "string",
  string: (value) => typeof value === "string",
  object: () => false,
  integer: (value) => Number.isInteger(value),
  number: (value) => typeof value === "number",
  boolean: (value) => typeof value === "boolean",
  date: (value) => typeof value === "string" && parseIsoDate(value) !== undefined,
};

describe("sampleTransactions", () => {
  it("gives the same records for the same count and seed, and others for another seed", () => {
    expect(sampleTransactions(4000, 11)).toEqual(sample);
    expect(sampleTransactions(50, 12)).not.toEqual(sample.slice(0, 50));
  });

  it("fills only the reference's fields, each with a value of its type and from its value set", () => {
    const seen = new Set<string>();
    const problems = new Set<string>();
    for (const record of sample) {
      for (const [path, value] of leaves(record)) {
        const field = schema.lookup(path);
        seen.add(path);
        if (!field) problems.add(`${path} is not a field`);
        else if (!TYPE_OF_VALUE[field.type](value)) problems.add(`${path}: ${String(value)} is not a ${field.type}`);
        else if (field.values && !field.open && !field.values.includes(value as string))
          problems.add(`${path}: ${String(value)} is not a known value`);
      }
    }
    expect([...problems]).toEqual([]);
    // Realistic means varied: every status and payment method, baskets with shipping and coupons.
    const statuses = new Set(sample.map((record) => record.status));
    expect([...statuses].sort()).toEqual([...(schema.lookup("status")!.values ?? [])].sort());
    const itemTypes = new Set(sample.flatMap((record) => record.basket!.products!.map((line) => line.item_type)));
    expect([...itemTypes].sort()).toEqual(["article", "coupon", "shipping"]);
    expect(seen.size).toBeGreaterThan(30);
  });

  it("has API-like ids, amounts in cents that add up, and German timestamps over two years", () => {
    const instants: number[] = [];
    for (const record of sample) {
      expect(record.id).toMatch(/^STX_[0-9A-Z]{10}$/);
      expect(record.customer!.id).toMatch(/^PCU_[0-9A-Z]{8}$/);
      const lines = record.basket!.products!;
      // No holes: a hole has no key.
      expect(Object.keys(lines)).toHaveLength(lines.length);
      expect(record.basket_info!.sum).toBe(lines.reduce((total, line) => total + line.sum!, 0));
      expect(record.basket_info!.sum).toBeGreaterThan(0);
      for (const stamp of [record.created!, record.updated!]) {
        const [, month, offset] = /^\d{4}-(\d{2})-\d{2}T\d{2}:\d{2}:\d{2}\+0([12]):00$/.exec(stamp)!;
        // Summer time (+02:00) from April to October, as the local month shows it (a day's margin at the edges).
        const summer = offset === "2";
        if (Number(month) >= 5 && Number(month) <= 9) expect(summer, stamp).toBe(true);
        if (Number(month) <= 2 || Number(month) === 12) expect(summer, stamp).toBe(false);
      }
      expect(parseIsoDate(record.updated!)!).toBeGreaterThanOrEqual(parseIsoDate(record.created!)!);
      instants.push(parseIsoDate(record.created!)!);
    }
    const years = (Math.max(...instants) - Math.min(...instants)) / (365 * 86_400_000);
    expect(years).toBeGreaterThan(1.9);
    expect(years).toBeLessThanOrEqual(2);
  });

  it("shares customers and basket lines between records, frozen so that no record changes another", () => {
    const customers = new Set(sample.map((record) => record.customer));
    expect(customers.size).toBeGreaterThan(sample.length / 8);
    expect(customers.size).toBeLessThanOrEqual(sample.length / 4);
    const first = sample[0]!;
    expect(Object.isFrozen(first.customer!.contact!.address)).toBe(true);
    expect(Object.isFrozen(first.basket!.products![0])).toBe(true);
    expect(() => {
      (first.customer!.contact as { surname: string }).surname = "Changed";
    }).toThrow(TypeError);
    // The record itself is the caller's to change.
    expect(Object.isFrozen(first)).toBe(false);
  });
});

describe("sampleTransactions: every documented field, consistent", () => {
  // The fields only aggregation answers carry are not in records.
  const topLevel = [...schema.fields.values()].filter((info) => !info.path.includes(".") && info.searchable);

  it.each(topLevel.map((info) => info.path))("%s is in some record", (field) => {
    expect(sample.some((record) => (record as Record<string, unknown>)[field] !== undefined)).toBe(true);
  });

  it("pays each transaction's basket: its payment transaction's amount is the basket's sum", () => {
    let paid = 0;
    for (const record of sample) {
      for (const payment of record.transactions ?? []) {
        paid++;
        expect(payment.amount, record.id).toBe(record.basket_info?.sum);
        expect(payment.details?.amount, record.id).toBe(record.basket_info?.sum);
        expect(payment.trans_id).toBe(record.trans_id);
      }
    }
    expect(paid).toBeGreaterThan(sample.length / 2);
  });

  it("names merchants, contracts, stores and devices that belong together", () => {
    const contracts = new Map<string, string>();
    const stores = new Map<string, string>();
    for (const record of sample) {
      const merchant = record.merchant!.id!;
      expect(contracts.get(record.contract!.id!) ?? merchant, record.id).toBe(merchant);
      contracts.set(record.contract!.id!, merchant);
      if (record.store) {
        expect(stores.get(record.store.id!) ?? merchant, record.id).toBe(merchant);
        stores.set(record.store.id!, merchant);
        expect(record.receipt_number).toBeGreaterThan(0);
      }
      for (const payment of record.transactions ?? []) expect(payment.merchant?.id).toBe(merchant);
      if (record.delivery_options?.type === "shipping") expect(record.shipping_address).toBeDefined();
      if (record.payment_method === "invoice") expect(record.payment_instructions?.iban).toMatch(/^DE\d{20}$/);
      expect(record.tax_amount).toBe(Math.round((record.basket_info!.sum! * 19) / 119));
    }
    expect(new Set(contracts.values()).size).toBe(3);
  });
});
