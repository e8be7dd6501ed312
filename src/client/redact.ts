/** Takes every secret and query value out of a text that may reach an error or a log. */
export type Redact = (text: string | undefined) => string | undefined;

// Values shorter than this are common words ("ok", "de"): taking them out would garble the message for nothing.
const SHORTEST_SECRET = 3;
const REDACTED = "[redacted]";

/** A redactor for the given secrets (tokens, client secrets, the query text and each value in it). */
export function redactor(secrets: Iterable<string>): Redact {
  const list = [...new Set([...secrets].filter((secret) => secret.length >= SHORTEST_SECRET))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => {
    if (text === undefined || list.length === 0) return text;
    let out = text;
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
}
