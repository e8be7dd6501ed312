import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import type { Query } from "../../src/ast/types.js";
import { createClient } from "../../src/client/client.js";
import { AuthenticationError } from "../../src/client/errors.js";
import { QueryValidationError } from "../../src/diagnostics/errors.js";
import type { SecuconnectClient } from "../../src/client/types.js";
import { filter } from "../../src/evaluate/matches.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { serialize } from "../../src/serialize/serialize.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { runs } from "../property-runs.js";

let sandbox: Sandbox;
let client: SecuconnectClient;
beforeAll(async () => {
  sandbox = await startSandbox({ records: 2000, seed: 7 });
  client = createClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
});
afterAll(async () => {
  await sandbox.close();
});

/** A raw request with a fresh token, to see what the sandbox answers to text the client would refuse. */
interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function raw(query: Record<string, string>, token?: string, at: Sandbox = sandbox): Promise<Answer> {
  const bearer =
    token ??
    (
      (await (
        await fetch(new URL("/oauth/token", sandbox.url), {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: sandbox.clientId,
            client_secret: sandbox.clientSecret,
          }),
        })
      ).json()) as { access_token: string }
    ).access_token;
  const response = await fetch(`${at.url}/Smart/Transactions?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the sandbox", () => {
  it("serves a deterministic sample with the reference's fields", async () => {
    const again = await startSandbox({ records: 2000, seed: 7 });
    expect(again.records).toEqual(sandbox.records);
    await again.close();
    const [first] = sandbox.records;
    expect(first).toMatchObject({ object: "smart.transactions", id: expect.stringMatching(/^STX_/) as unknown });
    expect(first!.basket_info!.currency).toBe("EUR");
  });

  it("finds what filter finds on the same records, paged by count and offset", async () => {
    const q = "status:approved AND basket_info.sum:>=5000";
    const expected = filter(sandbox.records, q).map((record) => record.id);
    const first = await client.smartTransactions.find({ q, count: 50, offset: 10 });
    expect(first.count).toBe(expected.length);
    expect(first.data.map((record) => record.id)).toEqual(expected.slice(10, 60));
  });

  it("reads q as the server does: AND has no precedence over OR", async () => {
    const q = "status:approved OR status:failed AND payment_method:invoice";
    const { body } = await raw({ q, count: "10000" });
    expect(body.count).toBe(filter(sandbox.records, "status:failed AND payment_method:invoice").length);
  });

  it("sorts, and keeps only the fields asked for", async () => {
    const { data } = await client.smartTransactions.find({
      q: "_exists_:id",
      sort: [["basket_info.sum", "desc"]],
      fields: ["id", "basket_info.sum"],
      count: 20,
    });
    const sums = data.map((record) => record.basket_info!.sum!);
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    expect(Object.keys(data[0]!).sort()).toEqual(["basket_info", "id"]);
  });

  it.each([
    "status:approved or status:failed",
    "status:approved and status:failed",
    "status:approved status:failed",
    "email=a@b.de AND status:ok",
    "status:/appr.*/",
    "status:approved~",
    "status:approved^2",
    "+status:approved -status:failed",
    "*:approved",
    "approved",
    "status:(approved failed)",
  ])("runs q=%s, as the server does, and validate=1 answers result true", async (q) => {
    const { status, body } = await raw({ q, count: "1" });
    expect(status, JSON.stringify(body)).toBe(200);
    expect((await raw({ q, validate: "1" })).body).toEqual({ result: true });
  });

  it.each([
    ["status:(approved", "Encountered <EOF>"],
    ["NOT NOT status:approved", 'Encountered "NOT"'],
    ["status:approved AND", "Encountered <EOF>"],
    ["status:x/y", "Lexical error"],
    ["status:AND", 'Encountered "AND"'],
    ["status:approved~abc", 'failed to create query: For input string: "ABC"'],
  ])(
    "refuses q=%s with ProductFormatException and the server's reason; validate=1 answers result false",
    async (q, reason) => {
      const { status, body } = await raw({ q });
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: "error", error: "ProductFormatException" });
      expect(body.error_details).toContain(reason);
      const validated = await raw({ q, validate: "1" });
      expect(validated.status).toBe(200);
      expect(validated.body).toMatchObject({ result: false });
      expect(validated.body.error_details).toContain(reason);
    },
  );

  it.each([
    ["created:[2025-01-01 TO now]", (t: number): boolean => t >= Date.UTC(2025, 0, 1) && t <= Date.now()],
    // Relative to today: the sample ends on 2026-11-30, so in time this finds none, and says so.
    ["created:>=now-30d", (t: number): boolean => t >= Date.now() - 30 * 86_400_000],
    // The server reads an unescaped / as the start of a regular expression: in a comparison it is escaped.
    [
      "created:<now-30d\\/d",
      (t: number): boolean => t < Math.floor((Date.now() - 30 * 86_400_000) / 86_400_000) * 86_400_000,
    ],
    [
      "created:[2026-01-01||+1M/M TO 2026-03-01||-1d/d]",
      (t: number): boolean => t >= Date.UTC(2026, 1, 1) && t < Date.UTC(2026, 2, 1),
    ],
    ["created:{* TO 2025-06-01||/M}", (t: number): boolean => t < Date.UTC(2025, 5, 1)],
  ])("finds by date math: %s", async (q, within) => {
    const expected = sandbox.records.filter((record) => within(Date.parse(record.created!))).length;
    if (!q.includes("now-")) expect(expected).toBeGreaterThan(0);
    expect((await raw({ q, count: "1" })).body.count).toBe(expected);
  });

  describe("lenient, as query_string is by default, or strict when told so", () => {
    let strict: Sandbox;
    beforeAll(async () => {
      strict = await startSandbox({ records: 50, seed: 7, lenient: false });
    });
    afterAll(() => strict.close());

    const rawAt = async (at: Sandbox, query: Record<string, string>): Promise<Answer> => {
      const { url, clientId, clientSecret } = at;
      const token = (await (
        await fetch(new URL("/oauth/token", url), {
          method: "POST",
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
          }),
        })
      ).json()) as { access_token: string };
      return raw(query, token.access_token, at);
    };

    it.each([
      ["basket_info.sum:abc", "For input string"],
      ["basket_info.sum:[1 TO x]", "For input string"],
      ["created:notadate", "failed to parse date field [notadate]"],
      ["created:>=now-7x", "failed to parse date field"],
      ["basket_info.sum:10*", "Can only use wildcard queries on keyword and text fields"],
      ["created:/2026.*/", "Can only use regexp queries on keyword and text fields"],
      ["basket_info.sum:100~", "Can only use fuzzy queries on keyword and text fields"],
      ["status:/[a/", "at position"],
      [`status:*${"?".repeat(20)}x`, "pattern"],
      ["*:abc", "failed to"],
    ])("%s finds nothing when lenient, and is refused when strict", async (q, reason) => {
      const lenient = await rawAt(sandbox, { q, count: "1" });
      expect(lenient.status).toBe(200);
      const found = filter(sandbox.records, q, { schema, reading: "server" }).length;
      expect(lenient.body.count).toBe(found);
      // On a field of the wrong type it finds nothing; `*:abc` also searches the text fields, which may hold it.
      if (!q.startsWith("*:")) expect(found).toBe(0);
      const refused = await rawAt(strict, { q });
      expect(refused.status).toBe(400);
      expect(refused.body.error_details).toContain(reason);
      expect((await rawAt(strict, { q, validate: "1" })).body).toMatchObject({ result: false });
    });

    it("runs what every field can read the same either way", async () => {
      for (const q of ["status:approved", "basket_info.sum:>=1000", "created:[now-7d/d TO *]", "status:appr*"]) {
        expect((await rawAt(strict, { q, count: "1" })).status, q).toBe(200);
      }
    });
  });

  it("refuses a group of more than 1,024 clauses, as Elasticsearch 7 does", async () => {
    const many = Array.from({ length: 1025 }, (_, i) => `id:${i}`).join(" OR ");
    const { status, body } = await raw({ q: many });
    expect(status).toBe(400);
    expect(body.error_details).toContain("too_many_clauses: maxClauseCount is set to 1024");
    expect((await raw({ q: many.split(" OR ").slice(0, 1024).join(" OR "), count: "1" })).status).toBe(200);
  });

  it("takes preset=own and expand, which change nothing here, and refuses what it cannot honour", async () => {
    const plain = await raw({ q: "status:approved", count: "5" });
    for (const extra of [{ preset: "own" }, { expand: "all" }, { expand: "customer" }]) {
      expect((await raw({ q: "status:approved", count: "5", ...extra })).body, JSON.stringify(extra)).toEqual(
        plain.body,
      );
    }
    const refusals: [Record<string, string>, string][] = [
      [{ preset: "mine" }, "Unknown preset: mine"],
      [{ expand: "status" }, "Cannot expand status"],
      [{ "aggregate[group_by_prop]": "status" }, "does not aggregate"],
    ];
    for (const [extra, reason] of refusals) {
      const { status, body } = await raw({ q: "status:approved", ...extra });
      expect(status, reason).toBe(400);
      expect(body).toMatchObject({ error: "ProductFormatException" });
      expect(body.error_details).toContain(reason);
    }
  });

  it("answers validate=1 with result", async () => {
    expect((await raw({ q: "status:approved", validate: "1" })).body).toEqual({ result: true });
  });

  it("refuses offset + count beyond the 10,000 window with Elasticsearch's message", async () => {
    const { status, body } = await raw({ offset: "9990", count: "20" });
    expect(status).toBe(400);
    expect(body.error_details).toContain("Result window is too large");
  });

  it("scrolls, and refuses an expired scroll context", async () => {
    const first = await raw({ q: "_exists_:id", count: "500", scroll_expire: "1s" });
    const id = first.body.scroll_id as string;
    const second = await raw({ scroll_id: id });
    expect((second.body.data as unknown[]).length).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await raw({ scroll_id: id });
    expect(expired.status).toBe(404);
    expect(expired.body.error_details).toContain("No search context found");
  });

  it("wants a valid token: 401 without one, 403 code 2003 for an unknown or revoked one, which the client renews", async () => {
    const none = await fetch(`${sandbox.url}/Smart/Transactions`);
    expect(none.status).toBe(401);
    expect(await raw({}, "nope")).toMatchObject({
      status: 403,
      body: { error: "ProductNotAllowedException", code: 2003, error_details: "Valid auth token required" },
    });
    await client.smartTransactions.find({ count: 1 });
    sandbox.revokeTokens();
    expect((await client.smartTransactions.find({ count: 1 })).data).toHaveLength(1);
  });

  it("answers GET /Smart/Transactions/{id} with the record, and 404 for an unknown id", async () => {
    const [first] = sandbox.records;
    expect(await client.smartTransactions.get(first!.id!)).toEqual(first);
    await expect(client.smartTransactions.get("STX_NOPE")).rejects.toMatchObject({
      status: 404,
      error: "ProductNotFoundException",
    });
  });

  it("refuses bad credentials the OAuth way", async () => {
    const wrong = createClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: "wrong" });
    await expect(wrong.smartTransactions.find()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe("findAll against the sandbox", () => {
  it("yields each of 25,000 matches exactly once, across the 10,000 window", async () => {
    const big = await startSandbox({ records: 25_000, seed: 3 });
    const bigClient = createClient({ baseUrl: big.url, clientId: big.clientId, clientSecret: big.clientSecret });
    const ids = new Set<string>();
    let yielded = 0;
    for await (const record of bigClient.smartTransactions.findAll({ count: 2500, fields: ["id"] })) {
      ids.add(record.id!);
      yielded++;
    }
    await big.close();
    expect(yielded).toBe(25_000);
    expect(ids.size).toBe(25_000);
  });
});

describe("find against the sandbox returns what filter returns", () => {
  /** A client of the sandbox that counts the searches it sends, and the ids a find returns. */
  function countingClient(): {
    ids: (q: string, reading?: "server" | "usual") => Promise<(string | undefined)[]>;
    requestsSent: () => number;
  } {
    let sent = 0;
    const counting: typeof fetch = (input, init) => {
      if (typeof input === "string" && input.includes("/Smart/Transactions")) sent++;
      return fetch(input, init);
    };
    const client = createClient({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      fetch: counting,
    });
    const ids = async (q: string, reading?: "server" | "usual") =>
      (await client.smartTransactions.find({ q, count: 2000, fields: ["id"], ...(reading && { reading }) })).data.map(
        (record) => record.id,
      );
    return { ids, requestsSent: () => sent };
  }
  const leaf: fc.Arbitrary<Query> = fc.oneof(
    fc.constantFrom("approved", "failed", "ok", "received", "pending").map((v) => ast.term("status", ast.text(v))),
    fc.constantFrom("invoice", "paypal", "creditcard").map((v) => ast.term("payment_method", ast.text(v))),
    fc
      .integer({ min: 0, max: 60_000 })
      .map((n) => ast.range("basket_info.sum", { value: String(n), inclusive: true }, null)),
    fc
      .constantFrom("Meier", "Müller", "M*", "*er")
      .map((v) =>
        v.includes("*")
          ? ast.term("customer.contact.surname", ast.pattern(ast.wildcardParts(v)))
          : ast.term("customer.contact.surname", ast.text(v)),
      ),
    fc.constantFrom("coupon", "shipping").map((v) => ast.term("basket.products.item_type", ast.text(v))),
  );
  const query: fc.Arbitrary<Query> = fc.letrec<{ q: Query }>((tie) => ({
    q: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("q"), { minLength: 2, maxLength: 3 }).map((qs) => ast.and(qs)),
      fc.array(tie("q"), { minLength: 2, maxLength: 3 }).map((qs) => ast.or(qs)),
      tie("q").map((q) => ast.not(q)),
    ),
  })).q;

  // Texts as people type them: conditions joined by AND and OR, some with NOT, some grouped, often ambiguous.
  const condition = fc.constantFrom(
    "status:approved",
    "status:failed",
    "payment_method:paypal",
    "basket_info.sum:>=20000",
    "customer.contact.surname:M*",
    "basket.products.item_type:coupon",
  );
  const clause = fc.tuple(fc.boolean(), condition).map(([not, text]) => (not ? `NOT ${text}` : text));
  const text = fc
    .tuple(
      clause,
      fc.array(fc.tuple(fc.constantFrom(" AND ", " OR "), clause, fc.boolean()), { minLength: 1, maxLength: 3 }),
    )
    .map(([first, rest]) =>
      rest.reduce(
        (left, [operator, right, group]) => (group ? `(${left}${operator}${right})` : `${left}${operator}${right}`),
        first,
      ),
    );

  it("for random texts: each reading finds what filter finds in it; an ambiguous text without one sends nothing", async () => {
    const { ids, requestsSent } = countingClient();
    const reached = { ambiguous: 0, plain: 0 };
    await fc.assert(
      fc.asyncProperty(text, async (q) => {
        const server = filter(sandbox.records, q, { schema, reading: "server" }).map((record) => record.id);
        const usual = filter(sandbox.records, q, { schema, reading: "usual" }).map((record) => record.id);
        expect(await ids(q, "server"), q).toEqual(server);
        expect(await ids(q, "usual"), q).toEqual(usual);
        const before = requestsSent();
        const unread = await ids(q).catch((e: unknown) => e);
        if (unread instanceof QueryValidationError) {
          reached.ambiguous++;
          expect(requestsSent(), q).toBe(before);
        } else {
          reached.plain++;
          expect(unread, q).toEqual(server);
          expect(server, q).toEqual(usual);
        }
      }),
      { numRuns: runs(40) },
    );
    // Both kinds of text were drawn, often.
    expect(reached.ambiguous).toBeGreaterThan(runs(40) / 5);
    expect(reached.plain).toBeGreaterThan(runs(40) / 5);
  });

  // The server's whole syntax over Smart Transaction fields: what secuq refuses or warns about, and what it reads.
  const serverValue = fc.constantFrom(
    "status:approved",
    "status:FAILED",
    "approved",
    "*:paypal",
    "payment_method:(paypal invoice)",
    "customer.contact.surname:Meier~",
    "customer.contact.surname:mei*",
    'customer.contact.surname:"Meier"~1',
    "status:/appr.*/",
    "status:approved^2",
    "basket_info.sum:>=20000",
    "basket_info.sum:[1000 TO 5000}",
    "created:[now-1y/d TO *]",
    "_exists_:shipping_address",
    "basket_info.sum:abc",
  );
  const serverOperator = fc.constantFrom(" AND ", " OR ", " ", " and ", " or ", " && ", " || ");
  const serverModifier = fc.constantFrom("", "", "+", "-", "NOT ", "!");
  const serverText = fc
    .tuple(
      fc.tuple(serverModifier, serverValue),
      fc.array(fc.tuple(serverOperator, serverModifier, serverValue, fc.boolean()), { maxLength: 3 }),
    )
    .map(([[m, v], rest]) =>
      rest.reduce(
        (left, [o, mod, value, group]) => (group ? `(${left})${o}${mod}${value}` : `${left}${o}${mod}${value}`),
        `${m}${v}`,
      ),
    );

  it("for random texts over the server's whole syntax: reading server finds what filter finds, usual and unread refuse what they must", async () => {
    const { ids, requestsSent } = countingClient();
    const reached = { refusedUsual: 0, readUsual: 0, refusedUnread: 0 };
    await fc.assert(
      fc.asyncProperty(serverText, async (q) => {
        const server = filter(sandbox.records, q, { schema, reading: "server" }).map((record) => record.id);
        expect(await ids(q, "server"), q).toEqual(server);
        const before = requestsSent();
        const usual = await ids(q, "usual").catch((e: unknown) => e);
        if (usual instanceof QueryValidationError) {
          reached.refusedUsual++;
          expect(requestsSent(), q).toBe(before);
        } else {
          reached.readUsual++;
          expect(usual, q).toEqual(filter(sandbox.records, q, { schema, reading: "usual" }).map((r) => r.id));
        }
        const unread = await ids(q).catch((e: unknown) => e);
        if (unread instanceof QueryValidationError) {
          reached.refusedUnread++;
          expect(requestsSent(), q).toBe(before + (usual instanceof QueryValidationError ? 0 : 1));
        } else expect(unread, q).toEqual(server);
      }),
      { numRuns: runs(60) },
    );
    expect(reached.refusedUsual).toBeGreaterThan(runs(60) / 4);
    expect(reached.readUsual).toBeGreaterThan(runs(60) / 20);
    expect(reached.refusedUnread).toBeGreaterThan(runs(60) / 4);
  });

  it("for random queries: the same records, in the same order", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const expected = filter(sandbox.records, q, { schema }).map((record) => record.id);
        const { count, data } = await client.smartTransactions.find({ q, count: 2000, fields: ["id"] });
        expect(count, serialize(q)).toBe(expected.length);
        expect(data.map((record) => record.id)).toEqual(expected);
      }),
      { numRuns: runs(60) },
    );
  });
});
