import { describe, expectTypeOf, it } from "vitest";
import { q, queryBuilder } from "../../src/builder/builder.js";
import { smartTransactionQuery as st } from "../../src/builder/smart-transaction.js";
import type { QueryBuilder } from "../../src/builder/types.js";
import { defineSchema, field } from "../../src/schema/schema.js";

describe("the typed builder", () => {
  it("offers exactly the schema's field paths", () => {
    expectTypeOf(st.field).parameter(0).toExtend<string>();
    expectTypeOf<"basket_info.sum">().toExtend<Parameters<typeof st.field>[0]>();
    expectTypeOf<"basket.products.sub_basket.group.level">().toExtend<Parameters<typeof st.field>[0]>();
    expectTypeOf<"basket_info.summ">().not.toExtend<Parameters<typeof st.field>[0]>();
    // @ts-expect-error: no such field
    st.field("basket_info.summ");
  });

  it("does not offer the fields only aggregate answers carry", () => {
    for (const path of ["l", "k", "ks", "c", "s", "t"] as const) {
      expectTypeOf(path).not.toExtend<Parameters<typeof st.field>[0]>();
    }
    // @ts-expect-error: an aggregation result, not searchable
    st.field("s");
    const custom = queryBuilder(defineSchema({ a: "keyword", hidden: field("keyword", { searchable: false }) }));
    expectTypeOf<"a">().toExtend<Parameters<typeof custom.field>[0]>();
    expectTypeOf<"hidden">().not.toExtend<Parameters<typeof custom.field>[0]>();
    // @ts-expect-error: defined as not searchable
    custom.field("hidden");
  });

  it("takes values of the field's type", () => {
    expectTypeOf(st.field("basket_info.sum").is).parameter(0).toEqualTypeOf<number | bigint>();
    expectTypeOf(st.field("receipt_merchant_print").is).parameter(0).toEqualTypeOf<boolean>();
    expectTypeOf(st.field("created").atLeast).parameter(0).toEqualTypeOf<Date | string>();
    expectTypeOf(st.field("customer.contact.surname").is).parameter(0).toEqualTypeOf<string>();
    // @ts-expect-error: a number is expected
    st.field("basket_info.sum").is("ten");
    // @ts-expect-error: a boolean is expected
    st.field("receipt_merchant_print").is("true");
    // @ts-expect-error: text is expected
    st.field("customer.contact.surname").is(5);
    // @ts-expect-error: dates take a Date or an ISO string
    st.field("created").atLeast(5);
  });

  it("suggests known values and still accepts others", () => {
    expectTypeOf<"received">().toExtend<Parameters<ReturnType<typeof st.field<"status">>["is"]>[0]>();
    st.field("status").is("something-new");
  });

  it("offers only the conditions the field's type allows", () => {
    expectTypeOf(st.field("customer.contact.surname")).toHaveProperty("matches");
    expectTypeOf(st.field("basket_info.sum")).not.toHaveProperty("matches");
    expectTypeOf(st.field("receipt_merchant_print")).not.toHaveProperty("between");
    expectTypeOf(st.field("customer")).not.toHaveProperty("is");
    expectTypeOf(st.field("customer")).toHaveProperty("exists");
    // @ts-expect-error: no wildcards on numbers
    st.field("basket_info.sum").matches("1*");
    // @ts-expect-error: booleans have no order
    st.field("receipt_merchant_print").atLeast(true);
  });

  it("types any schema made with defineSchema", () => {
    const shop = queryBuilder(
      defineSchema({ color: field("keyword", { values: ["red", "green"] }), size: "number", tags: ["string"] }),
    );
    expectTypeOf<Parameters<typeof shop.field>[0]>().toEqualTypeOf<"color" | "size" | "tags">();
    expectTypeOf(shop.field("size").between).parameter(0).toEqualTypeOf<number | bigint>();
    // @ts-expect-error: no such field
    shop.field("colour");
  });
});

describe("the plain builder", () => {
  it("takes any path and any plain value", () => {
    expectTypeOf(q.field).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(q.field("anything").is).parameter(0).toEqualTypeOf<string | number | bigint | boolean | Date>();
    expectTypeOf(q.field("x").matches("a*")).toEqualTypeOf<QueryBuilder>();
    // @ts-expect-error: objects are not values
    q.field("x").is({});
  });

  it("combines builders and ASTs into builders", () => {
    expectTypeOf(q.and(q.field("a").is("1"), q.field("b").exists())).toEqualTypeOf<QueryBuilder>();
    expectTypeOf(q.field("a").is("1").not().toQuery().type).toEqualTypeOf<
      "and" | "or" | "not" | "term" | "range" | "exists"
    >();
  });
});
