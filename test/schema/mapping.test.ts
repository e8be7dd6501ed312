import { describe, expect, it } from "vitest";
import { indexDefinition, type FieldMapping } from "../../src/schema/mapping.js";
import { defineSchema, field } from "../../src/schema/schema.js";
import { smartTransactionMapping } from "../../src/schema/smart-transaction-mapping.js";
import { smartTransactionSchema } from "../../src/schema/smart-transaction-schema.js";

/** The mapping at a dotted path of an index definition's properties. */
function at(properties: Readonly<Record<string, FieldMapping>>, path: string): FieldMapping | undefined {
  const [first, ...rest] = path.split(".");
  const mapping = properties[first!];
  return rest.length === 0 ? mapping : mapping?.properties && at(mapping.properties, rest.join("."));
}

describe("the index mapping, as data", () => {
  it("maps each schema type as the sandbox assumes it", () => {
    const schema = defineSchema({
      status: "keyword",
      name: "string",
      sum: "integer",
      rate: "number",
      created: "date",
      demo: "boolean",
      customer: { contact: { surname: "string" } },
      lines: [{ sku: "keyword" }],
      count: field("integer", { searchable: false }),
    });
    const { mappings } = indexDefinition(schema);
    expect(mappings.properties).toEqual({
      status: { type: "keyword", normalizer: "lowercase" },
      name: { type: "text" },
      sum: { type: "long" },
      rate: { type: "double" },
      created: { type: "date" },
      demo: { type: "boolean" },
      customer: {
        type: "object",
        properties: { contact: { type: "object", properties: { surname: { type: "text" } } } },
      },
      lines: { type: "object", properties: { sku: { type: "keyword", normalizer: "lowercase" } } },
      count: { type: "long", index: false },
    });
  });

  it("has a mapping for every Smart Transaction field", () => {
    for (const info of smartTransactionSchema.fields.values()) {
      const mapping = at(smartTransactionMapping.mappings.properties, info.path);
      expect(mapping, info.path).toBeDefined();
    }
    expect(at(smartTransactionMapping.mappings.properties, "status")).toEqual({
      type: "keyword",
      normalizer: "lowercase",
    });
    expect(at(smartTransactionMapping.mappings.properties, "basket_info.sum")?.type).toBe("long");
  });
});
