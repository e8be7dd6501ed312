import { describe, expect, it } from "vitest";
import { defineSchema, field } from "../../src/schema/schema.js";
import { smartTransactionSchema } from "../../src/schema/smart-transaction-schema.js";
import { sdkFields } from "./smart-transaction-sdk-fields.js";

describe("defineSchema", () => {
  const schema = defineSchema({
    status: field("keyword", { values: ["ok", "pending"], description: "the state" }),
    basket: { products: [{ ean: "keyword", priceOne: field("integer", { unit: "cent" }), tags: ["string"] }] },
    delivery: { type: "keyword", at: "date" },
    extra: "object",
  });

  it("lists every field by dotted path, objects included, arrays without brackets", () => {
    expect([...schema.fields.keys()]).toEqual([
      "status",
      "basket",
      "basket.products",
      "basket.products.ean",
      "basket.products.priceOne",
      "basket.products.tags",
      "delivery",
      "delivery.type",
      "delivery.at",
      "extra",
    ]);
  });

  it("keeps types, known values, descriptions and units, and marks paths through arrays as repeated", () => {
    expect(schema.lookup("status")).toEqual({
      path: "status",
      type: "keyword",
      values: ["ok", "pending"],
      description: "the state",
      searchable: true,
      repeated: false,
    });
    expect(schema.lookup("basket.products.priceOne")).toMatchObject({ type: "integer", unit: "cent", repeated: true });
    expect(schema.lookup("basket.products.tags")).toMatchObject({ type: "string", repeated: true });
    expect(schema.lookup("basket")).toMatchObject({ type: "object", repeated: false });
  });

  it("reads a nested field called type as a field, not as a definition", () => {
    expect(schema.lookup("delivery")).toMatchObject({ type: "object" });
    expect(schema.lookup("delivery.type")).toMatchObject({ type: "keyword" });
  });

  it("accepts any path below an object whose fields are not described, and no other unknown path", () => {
    expect(schema.lookup("extra.anything.deep")).toMatchObject({ path: "extra", open: true });
    expect(schema.lookup("basket.nope")).toBeUndefined();
    expect(schema.lookup("nope")).toBeUndefined();
    expect(schema.lookup("status.sub")).toBeUndefined();
  });

  it.each([
    [{ "a.b": "string" }, "without dots"],
    [{ "": "string" }, "non-empty"],
    [{ a: "text" }, "Unknown field type"],
    [{ a: [] }, "one-element array"],
    [{ a: ["string", "integer"] }, "one-element array"],
    [{ a: 5 }, "expected a field type"],
  ])("refuses the spec %j", (spec, message) => {
    expect(() => defineSchema(spec as never)).toThrow(message);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.lookup("status"))).toBe(true);
  });
});

describe("smartTransactionSchema", () => {
  const compatible: Record<string, string[]> = {
    string: ["string", "keyword", "date"],
    "string[]": ["string", "keyword"],
    integer: ["integer"],
    boolean: ["boolean"],
  };

  it("lists its fields once, on first use, and is frozen like any schema", () => {
    expect(smartTransactionSchema.fields).toBe(smartTransactionSchema.fields);
    expect(smartTransactionSchema.lookup("status")).toBe(smartTransactionSchema.fields.get("status"));
    expect(Object.isFrozen(smartTransactionSchema)).toBe(true);
  });

  it.each(sdkFields)("has %s (SDK type %s) with a fitting type", (path, sdkType) => {
    const info = smartTransactionSchema.fields.get(path);
    expect(info, path).toBeDefined();
    expect(compatible[sdkType] ?? ["object"]).toContain(info!.type);
    if (sdkType.endsWith("[]")) expect(info!.repeated).toBe(true);
  });

  it("has no field the SDKs do not list, except inside a model they name without listing its fields", () => {
    const types = new Map(sdkFields);
    const primitive = new Set(["string", "string[]", "integer", "boolean"]);
    const insideListedModel = (path: string): boolean =>
      path.split(".").some((_, i, parts) => {
        const ancestor = parts.slice(0, i).join(".");
        return i > 0 && types.has(ancestor) && !primitive.has(types.get(ancestor)!);
      });
    const extra = [...smartTransactionSchema.fields.keys()].filter((path) => !types.has(path));
    expect(extra.filter((path) => !insideListedModel(path))).toEqual([]);
  });

  it.each([
    ["basket_info.sum", "integer", "cent"],
    ["basket.products.priceOne", "integer", "cent"],
    ["transactions.amount", "integer", "cent"],
    ["created", "date", undefined],
    ["customer.contact.dob", "date", undefined],
    ["delivery_options.shipped_at", "date", undefined],
    ["id", "keyword", undefined],
    ["transactionRef", "keyword", undefined],
    ["receipt_merchant_print", "boolean", undefined],
  ])("types %s as %s", (path, type, unit) => {
    expect(smartTransactionSchema.lookup(path)).toMatchObject({ type, ...(unit && { unit }) });
  });

  it("knows the status values", () => {
    expect(smartTransactionSchema.lookup("status")?.values).toEqual([
      "created",
      "processing",
      "approved",
      "pending",
      "ok",
      "received",
      "shipped",
      "collection",
      "collected",
      "failed",
    ]);
  });

  it("marks aggregation results as not searchable", () => {
    for (const path of ["l", "k", "ks", "c", "s", "t"])
      expect(smartTransactionSchema.lookup(path)?.searchable, path).toBe(false);
  });
});
