import type { Query } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Reading } from "../syntax/parse.js";
import type { QueryBuilder } from "../builder/types.js";
import type { FieldSchema } from "../schema/schema.js";
import type { SmartTransactionRecord } from "../schema/smart-transaction-schema.js";

/** Where the API is: one of Secuconnect's environments. */
export type Environment = "production" | "testing" | "staging";

/** Options of `createClient`: where (`environment` or `baseUrl`) and who (`token` or `clientId` + `clientSecret`). */
export interface ClientOptions {
  /** One of Secuconnect's environments; or give `baseUrl`. */
  readonly environment?: Environment;
  /** The API's base URL, such as `https://connect.secucard.com/api/v2`; `http:` only on a loopback host. */
  readonly baseUrl?: string;
  /** A bearer token, or a function that gives one before each request (it does its own caching). */
  readonly token?: string | (() => string | Promise<string>);
  /** OAuth client credentials: tokens are fetched from `{origin}/oauth/token` and cached until they expire. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** The `fetch` to use; default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** The longest wait for one attempt, in milliseconds; default 30,000. */
  readonly timeoutMs?: number;
  /** How often a failed request that is safe to repeat is tried again; default 2. */
  readonly maxRetries?: number;
  /** What `q`, `sort` and `fields` are checked against; default the Smart Transaction schema. */
  readonly schema?: FieldSchema<unknown>;
  /** Sent as `User-Agent` where the platform allows it. */
  readonly userAgent?: string;
  /**
   * The most bytes of one answer read (default 64 MiB, room for a page of 10,000 records); past it the connection is
   * closed and the request fails with `ResponseTooLargeError`, so memory stays bounded whatever a server sends.
   */
  readonly maxResponseBytes?: number;
  /**
   * Keep the query's values in a `QueryValidationError`'s messages and fixes (default `false`: they are replaced by
   * `[redacted]`, since errors reach logs). To show a person the full diagnostics, `validate` the query instead.
   */
  readonly revealQueryValues?: boolean;
}

/** A direction of `sort`. */
export type SortDirection = "asc" | "desc";

/** The parameters of `find`: the API's, with `q` as text, an AST or a builder. */
export interface FindParams {
  readonly q?: string | Query | QueryBuilder;
  /**
   * How text in `q` is read: `server`, as the server runs it (Lucene's rules: no precedence between AND and OR, NOT
   * inside OR as AND NOT), or `usual`, secuq's precedence (NOT before AND before OR). Either way the server gets the
   * canonical form of that reading, which it runs exactly as meant. Without a reading, a text that means one thing
   * to the server and another in the usual reading (`a:1 OR b:2 AND c:3`) is refused with `QueryValidationError`,
   * saying what each runs; a text that reads the same either way is sent. An AST or a builder needs no reading.
   */
  readonly reading?: Reading;
  /** How many records per answer (the API's default is 20). */
  readonly count?: number;
  /** Where the answer starts in the whole result (at most 10,000 with `count`; beyond, scroll). */
  readonly offset?: number;
  /** The dotted paths to keep in each record. */
  readonly fields?: string | readonly string[];
  /** `created:desc,id:asc`, or `[["created", "desc"], ["id", "asc"]]`. */
  readonly sort?: string | readonly (readonly [string, SortDirection])[];
  /**
   * Aggregation (`timestamp_prop`, `interval`, `group_by_prop`, …), sent as `aggregate[key]=value`. The API does not
   * document its encoding; this is the form its PHP backend most likely reads.
   */
  readonly aggregate?: Readonly<Record<string, string | number>>;
  /** Also (`true`) or only (`"only"`) the field definitions. */
  readonly meta?: boolean | "only";
  /** Only check the syntax of `q`: the answer's `result` says whether it is valid. */
  readonly validate?: boolean;
  /** Start or keep a scroll context alive this long, in Elasticsearch's units: `30s`, `1m`, `2h` (at most `1d`). */
  readonly scrollExpire?: string;
  /** Continue a scroll. */
  readonly scrollId?: string;
  /** A query preset; the one documented is `own`. */
  readonly preset?: string;
  /** Expand linked objects: `all` or one field name. */
  readonly expand?: string;
  readonly signal?: AbortSignal;
}

/**
 * A Smart Transaction as the API answers it, typed from the field reference (every field optional: `fields` keeps
 * some only). Fields the reference does not list are not in the type; read them through a cast.
 */
export type SmartTransaction = SmartTransactionRecord;

/** One answer of `find`. */
export interface SmartTransactionList {
  /** How many records match in all (not only in this answer). */
  readonly count: number;
  readonly data: readonly SmartTransaction[];
  /** The scroll context to continue with, when scrolling. */
  readonly scrollId?: string;
  /** With `validate: true`: whether `q` is valid. */
  readonly result?: boolean;
  readonly meta?: unknown;
  /**
   * The warnings `validate` gives `q` (an unknown value, a leading wildcard, …; none changes what was sent), with the
   * query's values redacted unless `revealQueryValues`. Absent when there are none.
   */
  readonly warnings?: readonly Diagnostic[];
}

/** Options of `findAll`, besides the query's parameters. */
export interface FindAllParams extends Omit<FindParams, "offset" | "scrollId" | "validate" | "meta"> {
  /** The page size (default 100), capped at 10,000, the most the server answers at once; at least 1. */
  readonly count?: number;
  /** The most records to yield in all; default all. `count` is the page size, not this. */
  readonly limit?: number;
  /** Scroll from the start even within the 10,000 window. */
  readonly scroll?: boolean;
}

/** The client: `smartTransactions.find` and `findAll`. */
export interface SecuconnectClient {
  readonly smartTransactions: {
    /** One page of matches, and how many there are in all. */
    find(params?: FindParams): Promise<SmartTransactionList>;
    /** Every match, a page at a time (offset within the 10,000 window, scrolling beyond it), each exactly once. */
    findAll(params?: FindAllParams): AsyncIterable<SmartTransaction>;
    /** One Smart Transaction by its id (`STX_…`): `GET /Smart/Transactions/{id}`; the API's 404 when there is none. */
    get(id: string, request?: { readonly signal?: AbortSignal }): Promise<SmartTransaction>;
  };
}
