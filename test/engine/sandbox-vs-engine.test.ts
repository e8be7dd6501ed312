import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs } from "../property-runs.js";
import { sampleTransactions } from "../../src/sandbox/sample-data.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { smartTransactionMapping } from "../../src/schema/smart-transaction-mapping.js";
import { startEngine, type Engine } from "./engine.js";

/**
 * The sandbox against a real Elasticsearch 7.17 with the sandbox's mapping and records: each text gets the same
 * answer from both (accepted or refused, and the same records). `query_string` with only the query set, as the
 * sandbox assumes the API sends it.
 */

const RECORDS = 1000;
const SEED = 5;

const started = await startEngine();
if ("missing" in started) console.log(`The engine tests are skipped: ${started.missing} is missing.`);

describe.runIf("missing" in started && process.env.SECUQ_REQUIRE_ENGINE)("the engine tests", () => {
  it("run, because SECUQ_REQUIRE_ENGINE is set", () => {
    expect.fail(`SECUQ_REQUIRE_ENGINE is set but ${(started as { missing: string }).missing} is missing`);
  });
});
const INDEX = "transactions";
type Mode = "lenient" | "strict";

describe.skipIf("missing" in started)("the sandbox answers as Elasticsearch 7.17 does", () => {
  const engine = (started as { engine: Engine }).engine;
  /** The sandbox as the default query_string runs (lenient), and as a server set to `lenient: false` does. */
  const sandboxes: Partial<Record<Mode, { sandbox: Sandbox; token: string }>> = {};

  beforeAll(async () => {
    for (const mode of ["lenient", "strict"] as const) {
      const sandbox = await startSandbox({ records: RECORDS, seed: SEED, lenient: mode === "lenient" });
      sandboxes[mode] = { sandbox, token: await tokenOf(sandbox) };
    }
    const created = await engine.request("PUT", `/${INDEX}`, {
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      ...smartTransactionMapping,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const lines = sampleTransactions(RECORDS, SEED).flatMap((record) => [
      JSON.stringify({ index: { _id: record.id } }),
      JSON.stringify(record),
    ]);
    const loaded = await engine.request("POST", `/${INDEX}/_bulk?refresh=true`, `${lines.join("\n")}\n`);
    expect(loaded.body.errors, JSON.stringify(loaded.body).slice(0, 2000)).toBe(false);
  }, 120_000);

  afterAll(async () => {
    for (const { sandbox } of Object.values(sandboxes)) await sandbox.close();
    await engine.close();
  });

  async function tokenOf(at: Sandbox): Promise<string> {
    const answer = await fetch(new URL("/oauth/token", at.url), {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: at.clientId,
        client_secret: at.clientSecret,
      }),
    });
    return ((await answer.json()) as { access_token: string }).access_token;
  }

  /** The ids the sandbox finds for `q`, sorted, or "refused". */
  async function fromSandbox(q: string, mode: Mode = "lenient"): Promise<string[] | string> {
    const { sandbox, token } = sandboxes[mode]!;
    const search = new URLSearchParams({ q, count: String(RECORDS), fields: "id" });
    const response = await fetch(`${sandbox.url}/Smart/Transactions?${search}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { data?: { id: string }[] };
    return response.status === 200 ? body.data!.map((record) => record.id).sort() : "refused";
  }

  /** The ids the engine finds for `q` as a query_string with only the query set (and `lenient: false` when strict). */
  async function fromEngine(q: string, mode: Mode = "lenient"): Promise<string[] | string> {
    const { status, body } = await engine.request("POST", `/${INDEX}/_search`, {
      query: { query_string: mode === "strict" ? { query: q, lenient: false } : { query: q } },
      size: RECORDS,
      _source: false,
    });
    if (status !== 200) return "refused";
    return (body.hits as { hits: { _id: string }[] }).hits.map((hit) => hit._id).sort();
  }

  /** Asks both every text; the texts they answer differently, and how often the engine refused or found records. */
  async function compareAll(
    texts: readonly string[],
    mode: Mode,
  ): Promise<{ failures: string[]; refused: number; found: number }> {
    const failures: string[] = [];
    let refused = 0;
    let found = 0;
    const shown = (answer: string[] | string): string =>
      typeof answer === "string" ? answer : `${answer.length} records`;
    for (const q of texts) {
      const [sandboxAnswer, engineAnswer] = await Promise.all([fromSandbox(q, mode), fromEngine(q, mode)]);
      if (engineAnswer === "refused") refused++;
      else if (engineAnswer.length > 0) found++;
      if (JSON.stringify(sandboxAnswer) !== JSON.stringify(engineAnswer))
        failures.push(`${JSON.stringify(q)}: the sandbox ${shown(sandboxAnswer)}, the engine ${shown(engineAnswer)}`);
    }
    return { failures, refused, found };
  }

  it.each([
    "status:approved",
    "status:APPROVED",
    "status:approved OR status:failed AND basket_info.sum:>10000",
    "status:approved AND NOT status:failed OR payment_method:paypal",
    "NOT status:approved OR status:failed",
    "status:approved or status:failed",
    "status:approved and status:failed",
    "status:approved status:failed",
    "+status:approved -payment_method:invoice",
    "status:(approved failed)",
    "status:(approved OR failed)",
    "status:/appr.*/",
    "status:approved~",
    "status:aproved~1",
    "status:approved^2",
    "*:approved",
    "approved",
    "customer.contact.surname:meier",
    'customer.contact.surname:"van der berg"',
    "customer.contact.surname:berg",
    "customer.contact.forename:ann*",
    "basket_info.sum:[1000 TO 5000]",
    "basket_info.sum:>=20000",
    "basket_info.sum:abc",
    "created:[2026-01-01 TO 2026-02-01}",
    "created:2026-03-01",
    "created:[2026-01-01||+1M/M TO *]",
    "_exists_:shipping_address",
    "_exists_:checkin",
    "merchant.id:*",
    "basket.products.item_type:coupon",
    "transactions.details.status_simple:9",
    "payment_method:paypal AND store.id:*",
    "status:(approved",
    "NOT NOT status:approved",
    "status:x/y",
  ])("%s", async (q) => {
    const [sandboxAnswer, engineAnswer] = await Promise.all([fromSandbox(q), fromEngine(q)]);
    expect(sandboxAnswer).toEqual(engineAnswer);
  });

  // Texts over the server's whole syntax and the Smart Transaction fields, each construct counted.
  const field = fc.constantFrom(
    "status:",
    "payment_method:",
    "customer.contact.surname:",
    "customer.contact.forename:",
    "basket_info.sum:",
    "created:",
    "basket.products.item_type:",
    "merchant.companyname:",
    "*:",
    "",
  );
  const value = fc.constantFrom(
    "approved",
    "APPROVED",
    "failed",
    "paypal",
    "invoice",
    "meier",
    "Müller",
    "van",
    '"van der berg"',
    '"der van"~2',
    "mei*",
    "*er",
    "m?ier",
    "meier~",
    "approvd~1",
    "/appr.*/",
    "/m(e|a)ier/",
    "coupon",
    "[1000 TO 5000]",
    "{5000 TO *]",
    ">=20000",
    "<500",
    "[2026-01-01 TO 2026-03-01}",
    "[2026-01-01||+1M/M TO *]",
    "2026-05-04",
    "abc",
    "12500",
    "*",
    "and",
    "x^2",
    "Kaffeerösterei",
    '"Outdoor Lindner"',
  );
  const operator = fc.constantFrom(" AND ", " OR ", " ", " and ", " && ", " || ", " AND NOT ");
  const modifier = fc.constantFrom("", "", "", "+", "-", "NOT ", "!");
  const text = fc
    .tuple(
      fc.tuple(modifier, field, value),
      fc.array(fc.tuple(operator, modifier, field, value, fc.boolean()), { maxLength: 3 }),
    )
    .map(([[m, f, v], rest]) =>
      rest.reduce(
        (left, [o, mod, fi, va, group]) => (group ? `(${left})${o}${mod}${fi}${va}` : `${left}${o}${mod}${fi}${va}`),
        `${m}${f}${v}`,
      ),
    );

  it("for random texts over the server's whole syntax: the same refusals and the same records", async () => {
    const texts = [...new Set(fc.sample(text, { numRuns: runs(2000), seed: SEED }))];
    const { failures, refused, found } = await compareAll(texts, "lenient");
    expect(failures.slice(0, 15), `${failures.length} of ${texts.length} texts disagree`).toEqual([]);
    expect(found).toBeGreaterThan(texts.length / 3);
    expect(refused).toBeGreaterThan(0);
  });

  it.each([
    "status:approved",
    "basket_info.sum:abc",
    "basket_info.sum:[1 TO x]",
    "created:notadate",
    "basket_info.sum:10*",
    "created:/2026.*/",
    "basket_info.sum:100~",
    "status:/[a/",
    "*:abc",
    "approved",
    "status:approved AND basket_info.sum:>=1000",
    "customer.contact.surname:mei*",
    "is_demo:maybe",
  ])("with lenient false, %s gets the same answer from the strict sandbox", async (q) => {
    const [sandboxAnswer, engineAnswer] = await Promise.all([fromSandbox(q, "strict"), fromEngine(q, "strict")]);
    expect(sandboxAnswer).toEqual(engineAnswer);
  });

  it("with lenient false, for random texts: the same refusals and the same records", async () => {
    const texts = [...new Set(fc.sample(text, { numRuns: runs(500), seed: SEED + 1 }))];
    const { failures, refused } = await compareAll(texts, "strict");
    expect(failures.slice(0, 15), `${failures.length} of ${texts.length} texts disagree`).toEqual([]);
    expect(refused).toBeGreaterThan(texts.length / 10);
    expect(refused).toBeLessThan(texts.length);
  });
});
