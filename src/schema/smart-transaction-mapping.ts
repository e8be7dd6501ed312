import { indexDefinition, type IndexDefinition } from "./mapping.js";
import { smartTransactionSchema } from "./smart-transaction-schema.js";

/**
 * The index the sandbox assumes Smart Transactions are searched in (see `docs/sandbox.md`), as an Elasticsearch
 * create-index body: keywords lower-cased by a normalizer, free text analysed, numbers and dates by value.
 *
 * @example
 * await fetch(`${cluster}/transactions`, { method: "PUT", body: JSON.stringify(smartTransactionMapping) });
 */
export const smartTransactionMapping: IndexDefinition = /* @__PURE__ */ indexDefinition(smartTransactionSchema);
