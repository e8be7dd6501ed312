import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { queryBuilder } from "./builder.js";

/**
 * The builder typed by the Smart Transaction schema, ready to use.
 *
 * @example
 * const st = smartTransactionQuery;
 * String(st.field("status").oneOf(["received", "ok"]).and(st.field("basket_info.sum").atLeast(1000)))
 * // "(status:received OR status:ok) AND basket_info.sum:[1000 TO *]"
 */
export const smartTransactionQuery = queryBuilder(smartTransactionSchema);
