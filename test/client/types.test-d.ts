import { describe, expectTypeOf, it } from "vitest";
import type { SmartTransaction } from "../../src/client/types.js";

describe("SmartTransaction", () => {
  it("is typed from the field reference", () => {
    type Record = Required<SmartTransaction>;
    expectTypeOf<NonNullable<Record["basket_info"]["sum"]>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<Record["created"]>>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Record["receipt_merchant_print"]>>().toEqualTypeOf<boolean>();
    expectTypeOf<"approved">().toExtend<NonNullable<Record["status"]>>();
    expectTypeOf<NonNullable<Record["customer"]["contact"]>["email"]>().toEqualTypeOf<string | undefined>();
    type Product = NonNullable<Record["basket"]["products"]>[number];
    expectTypeOf<NonNullable<Product["priceOne"]>>().toEqualTypeOf<number>();
    // @ts-expect-error: not a field of the reference
    expectTypeOf<Record["surname"]>();
  });
});
