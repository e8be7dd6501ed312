import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import { createClient } from "../../src/client/client.js";
import type { ClientOptions } from "../../src/client/types.js";
import { runs } from "../property-runs.js";
import { startScriptedServer, type Reply, type ScriptedServer, type Seen } from "./scripted-server.js";

const LIST = "/api/v2/Smart/Transactions";
const TOKEN = "/oauth/token";

// Values as customers' data looks: e-mail addresses, card numbers, any Unicode, characters a URL must encode. The
// marks around the Unicode ones keep them from matching secuq's own words by chance ("rror" in "Error").
const valueArb = fc.oneof(
  fc.emailAddress(),
  fc.stringMatching(/^[3-6]\d{15}$/),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }).map((text) => `§${text}¤`),
  fc.constantFrom("a b&c=d+e/f?g#h%i", 'quote " and \\ back', "Zoë Müller-Lüdenscheidt", "ümlaut@bank.de"),
);

/** Every way an error can carry a text into a log. */
const everything = (error: unknown): string =>
  [
    (error as Error).message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    (error as Error).stack,
    ...causes(error).map((cause) => inspect(cause, { depth: 10 })),
  ].join("\n");
const causes = (error: unknown): unknown[] => {
  const chain: unknown[] = [];
  for (let at = (error as Error).cause; at !== undefined && chain.length < 10; at = (at as Error).cause) chain.push(at);
  return chain;
};
const forms = (value: string): string[] => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];

/** A server that echoes what it was sent (raw and decoded) in every field of its error payload. */
const echo =
  (status: number) =>
  (seen: Seen): Reply => {
    const heard = `${seen.rawUrl} ${decodeURIComponent(seen.rawUrl)} ${seen.query.get("q") ?? ""} ${seen.body}`;
    return {
      status,
      json: { status: "error", error: heard, error_details: heard, error_user: heard, code: heard, supportId: heard },
    };
  };

/**
 * The ways a request fails, each set up on the server: at the API, or (`at: "token"`) at the token endpoint. `oauth`
 * sends the random secret as the client secret too.
 */
interface Failure {
  readonly reply: (seen: Seen) => Reply;
  readonly oauth?: boolean;
  readonly at?: "token";
}
const failures: Record<string, Failure> = {
  "an echoing 400": { reply: echo(400) },
  "an echoing 500": { reply: echo(500) },
  "an echoing 401 (after one renewal)": { reply: echo(401), oauth: true },
  "an echoing token endpoint": { reply: echo(400), oauth: true, at: "token" },
  "an echoing token endpoint that fails": { reply: echo(503), oauth: true, at: "token" },
  "an echoing token endpoint with an OAuth error": {
    reply: (seen) => ({ status: 401, json: { error: `invalid_client ${seen.body}`, error_description: seen.body } }),
    oauth: true,
    at: "token",
  },
  "an answer that is not a list": { reply: (seen) => ({ status: 200, json: { data: seen.rawUrl } }) },
  "an HTML page": { reply: (seen) => ({ status: 502, text: `<html>${seen.rawUrl}</html>` }) },
  "a reset connection": { reply: () => ({ reset: true }) },
  "a hang": { reply: () => ({ hang: true }) },
  "an endless body": { reply: () => ({ endless: true }) },
  "a redirect to another origin carrying the query": {
    reply: (seen) => ({ status: 302, json: {}, headers: { location: `http://127.0.0.2:9${seen.rawUrl}` } }),
  },
};

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

describe("no error carries a secret or a query value", () => {
  it.each(Object.entries(failures))("%s", async (_, failure) => {
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(valueArb, valueArb, fc.boolean(), async (value, secret, asText) => {
        const token = `tok-${secret}`;
        const base = { baseUrl: `${server.url}/api/v2`, maxRetries: 0, timeoutMs: 150, maxResponseBytes: 65_536 };
        const credentials: Partial<ClientOptions> = failure.oauth
          ? { clientId: "id-1", clientSecret: secret }
          : { token };
        const issued: Reply = { status: 200, json: { access_token: token, expires_in: 1200 } };
        server.script(TOKEN, failure.at === "token" ? failure.reply : [issued]);
        server.script(LIST, failure.at === "token" ? [{ status: 500, json: {} }] : failure.reply);
        const client = createClient({ ...base, ...credentials });
        const email = ast.term("customer.contact.email", ast.text(value));
        const q = asText ? `customer.contact.email:"${value.replace(/["\\]/g, "\\$&")}"` : ast.or([email, email]);
        const error = await client.smartTransactions.find({ q }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(Error);
        reached++;
        const carried = everything(error);
        for (const form of [...forms(value), ...forms(secret), ...forms(token)]) expect(carried).not.toContain(form);
      }),
      { numRuns: runs(8) },
    );
    expect(reached).toBe(runs(8));
  });

  it("a QueryValidationError keeps its diagnostics, with the values redacted unless asked", async () => {
    await fc.assert(
      fc.asyncProperty(valueArb, fc.boolean(), async (secret, asText) => {
        // Digits alone are a date (epoch milliseconds): with a word before them, no value here is one.
        const value = `No. ${secret}`;
        const quoted = `"${value.replace(/["\\]/g, "\\$&")}"`;
        const q = asText
          ? `basket_info.sum:${quoted} AND created:${quoted}`
          : ast.term("basket_info.sum", ast.text(value));
        const find = (revealQueryValues: boolean) =>
          createClient({ baseUrl: `${server.url}/api/v2`, token: "t-123", revealQueryValues })
            .smartTransactions.find({ q })
            .then(
              () => undefined,
              (e: unknown) => e as Error & { diagnostics: { code: string; message: string }[] },
            );
        const [redacted, revealed] = [await find(false), await find(true)];
        expect(redacted?.name).toBe("QueryValidationError");
        expect(redacted!.diagnostics.map((d) => d.code)).toEqual(revealed!.diagnostics.map((d) => d.code));
        expect(redacted!.diagnostics[0]!.message).toContain("[redacted]");
        expect(revealed!.diagnostics[0]!.message).toContain(JSON.stringify(value).slice(1, -1));
        for (const form of [...forms(value), ...forms(secret)]) expect(everything(redacted)).not.toContain(form);
      }),
      { numRuns: runs(20) },
    );
  });
});
