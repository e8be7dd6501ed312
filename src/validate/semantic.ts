import { isFieldPattern } from "../schema/field-patterns.js";
import type { Query, RangeQuery, Span, TermQuery } from "../ast/types.js";
import { walk } from "../ast/walk.js";
import { isPlainTerm } from "../ast/factories.js";
import { printBound, printField, printText as printPhrase, printWord } from "../serialize/escaping.js";
import type { DiagnosticCode } from "../diagnostics/catalog.js";
import { edit, problemAt, safeFix, type Fix, type Problem } from "../diagnostics/diagnostic.js";
import type { LeafLocation, Locations } from "../syntax/locations.js";
import type { FieldSchema } from "../schema/schema.js";
import type { FieldInfo } from "../schema/schema-types.js";
import { correcting, corrections, unknownField, type Correction } from "./suggest.js";
import { compilePattern, matchesPattern } from "../ast/wildcard.js";
import { checkValue, emptyRange, isOrdered, isText, typeDescription, type ValueProblem } from "../schema/values.js";

type Leaf = Extract<Query, { type: "term" | "range" | "exists" }>;

/**
 * Checks every condition of a query (or of several stretches of one) against a schema: fields, value types, ranges,
 * known values.
 */
export function checkAgainstSchema(
  queries: Query | readonly Query[],
  locations: Locations,
  schema: FieldSchema,
): Problem[] {
  const problems: Problem[] = [];
  // `status:(a OR b)` names its field once for two conditions; a problem with the field is reported once.
  const reported = new Set<string>();
  const report: Report = (code, message, span, fixes = []) => {
    const key = `${code}:${span.start}:${span.end}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problemAt(code, message, span, fixes));
  };
  const hints = hintsFor(schema);
  for (const query of Array.isArray(queries) ? (queries as readonly Query[]) : [queries as Query]) {
    walk(query, (node) => {
      if (node.type === "and" || node.type === "or" || node.type === "not") return;
      const location = locations.get(node) ?? {
        field: node.span ?? { start: 0, end: 0 },
        value: node.span ?? { start: 0, end: 0 },
      };
      checkLeaf(node, location, schema, report, hints);
    });
  }
  return problems;
}

/** The suggestions for mistyped fields and values, each worked out once per check: a query may repeat a mistake. */
interface Hints {
  field(path: string): { message: string; correction: Correction };
  value(text: string, known: readonly string[]): Correction;
}

function hintsFor(schema: FieldSchema): Hints {
  const fields = new Map<string, { message: string; correction: Correction }>();
  const values = new Map<readonly string[], Map<string, Correction>>();
  return {
    field(path) {
      let hint = fields.get(path);
      if (!hint) fields.set(path, (hint = unknownField(path, searchablePaths(schema))));
      return hint;
    },
    value(text, known) {
      let byText = values.get(known);
      if (!byText) values.set(known, (byText = new Map<string, Correction>()));
      let correction = byText.get(text);
      if (!correction) byText.set(text, (correction = corrections(text, known)));
      return correction;
    },
  };
}

// The server is lenient with a value its field cannot read: it finds nothing there, and says nothing.
const FINDS_NOTHING = "The server finds nothing for it";

type Report = (code: DiagnosticCode, message: string, span: Span, fixes?: readonly Fix[]) => void;

/** The fix replacing the text at `span`, when there is a replacement. */
function replacing(title: string, span: Span, text: string | undefined): Fix[] {
  return text === undefined ? [] : [safeFix(title, [edit(span.start, span.end, text)])];
}

/** The paths a query can search, to suggest for a mistyped field: not the fields only aggregate answers carry. */
function* searchablePaths(schema: FieldSchema): Iterable<string> {
  for (const [path, info] of schema.fields) if (info.searchable) yield path;
}

function checkLeaf(node: Leaf, location: LeafLocation, schema: FieldSchema, report: Report, hints: Hints): void {
  // A pattern over field names (`*`, from the server reading) searches every field it names.
  if (isFieldPattern(node.field)) return;
  const info = schema.lookup(node.field);
  if (!info) {
    const { message, correction } = hints.field(node.field);
    report("unknown-field", message, location.field, correcting(location.field, correction, printField));
    return;
  }
  if (info.open) return;
  if (!info.searchable) {
    report(
      "not-searchable",
      `${info.path} is an ${info.description ?? "answer-only field"}: searching it matches nothing`,
      location.field,
    );
    return;
  }
  if (node.type === "exists") return;
  if (info.type === "object") {
    const fields = [...schema.fields.keys()].filter((path) => path.startsWith(`${info.path}.`)).slice(0, 3);
    report(
      "object-field",
      `${info.path} is an object, not a value: search one of its fields, such as ${fields.join(", ")}`,
      location.field,
    );
    return;
  }
  if (node.type === "term") checkTerm(node, info, location, report, hints);
  else checkRange(node, info, location, report);
}

function checkTerm(node: TermQuery, info: FieldInfo, location: LeafLocation, report: Report, hints: Hints): void {
  if (node.value.kind === "text") {
    const text = node.value.text;
    // A fix is written the way the value was: a word stays a word, a phrase a phrase. One plain term reads the same
    // either way, and people mostly write it bare.
    const printValue = node.value.word === true || isPlainTerm(text) ? printWord : printPhrase;
    const problem = checkValue(info, text);
    if (problem) {
      report(
        "wrong-type",
        `${problem.message}. ${FINDS_NOTHING}`,
        location.value,
        replacing(
          `Write ${problem.fix}`,
          location.value,
          problem.fix === undefined ? undefined : printValue(problem.fix),
        ),
      );
      return;
    }
    checkEncoding(text, location.value, report, printValue);
    if (info.values && !info.values.some((value) => value.toLowerCase() === text.toLowerCase())) {
      const correction = hints.value(text, info.values);
      const nearest = correction.candidates[0];
      const hint = nearest ? ` Did you mean ${correction.candidates.join(", or ")}?` : "";
      report(
        "unknown-value",
        `${text} is not a known value of ${info.path} (${info.values.join(", ")}).${hint}`,
        location.value,
        correcting(location.value, correction, printValue),
      );
    }
    return;
  }
  // Fuzzy terms and regular expressions come only from the server reading, whose advice is the syntax's.
  if (node.value.kind !== "pattern") return;
  const parts = node.value.parts;
  if (!isText(info.type)) {
    report(
      "wildcard-on-non-text",
      `${info.path} holds ${typeDescription(info)}: the server matches wildcards only on text fields, ` +
        "so this may match nothing",
      location.value,
    );
  }
  if (parts[0]!.kind !== "literal") {
    report(
      "leading-wildcard",
      "A pattern that starts with * or ? makes the server read every value of the field, which is slow",
      location.value,
    );
  }
  for (const part of parts) if (part.kind === "literal") checkEncoding(part.text, location.value, report);
  const pattern = info.values && compilePattern(parts, true);
  if (pattern && !info.values.some((value) => matchesPattern(pattern, value.toLowerCase()))) {
    report(
      "unknown-value",
      `The pattern matches no known value of ${info.path} (${info.values.join(", ")})`,
      location.value,
    );
  }
}

function checkRange(node: RangeQuery, info: FieldInfo, location: LeafLocation, report: Report): void {
  if (!isOrdered(info.type)) {
    report(
      "unordered-field",
      `${info.path} holds ${typeDescription(info)}, which has no order: ` +
        `compare it with ${info.path}:value instead of a range`,
      location.value,
    );
    return;
  }
  const bounds = [
    [node.min, location.min ?? location.value],
    [node.max, location.max ?? location.value],
  ] as const;
  const problems = bounds.map(([bound]) => (bound === null ? undefined : checkValue(info, bound.value)));
  const fixes = boundFixes(node, info, problems, [bounds[0][1], bounds[1][1]]);
  let valid = true;
  bounds.forEach(([bound, span], index) => {
    const problem = problems[index];
    if (bound === null) return;
    if (problem) {
      valid = false;
      report("wrong-type", `${problem.message}. ${FINDS_NOTHING}`, span, fixes[index] ?? []);
    } else checkEncoding(bound.value, span, report);
  });
  if (!valid || node.min === null || node.max === null) return;
  const empty = emptyRange(info.type, node.min, node.max);
  if (empty === "reversed") {
    const [open, close] = [node.max.inclusive ? "[" : "{", node.min.inclusive ? "]" : "}"];
    const swapped = `${open}${printBound(node.max.value)} TO ${printBound(node.min.value)}${close}`;
    report(
      "empty-range",
      `The lower bound ${node.min.value} is above the upper bound ${node.max.value}: nothing can match`,
      location.value,
      [safeFix("Swap the bounds", [edit(location.value.start, location.value.end, swapped)])],
    );
  } else if (empty === "excluded") {
    report("empty-range", `The range holds only ${node.min.value}, and excludes it: nothing can match`, location.value);
  }
}

/**
 * The fixes of a range's wrong bounds: each bound's own, unless together they leave a range that holds nothing
 * (`[10.50 TO 5]` would become `[1050 TO 5]`). Then both bounds are read in the same unit (`[1050 TO 500]`) when
 * that holds something, or no fix is offered.
 */
function boundFixes(
  node: RangeQuery,
  info: FieldInfo,
  problems: readonly (ValueProblem | undefined)[],
  spans: readonly [Span, Span],
): (Fix[] | undefined)[] {
  const own = problems.map((problem, index) =>
    problem?.fix === undefined
      ? undefined
      : [safeFix(`Write ${problem.fix}`, [edit(spans[index]!.start, spans[index]!.end, printBound(problem.fix))])],
  );
  const { min, max } = node;
  if (min === null || max === null) return own;
  const fixed = [problems[0] ? problems[0].fix : min.value, problems[1] ? problems[1].fix : max.value];
  if (fixed[0] === undefined || fixed[1] === undefined) return own;
  if (emptyRange(info.type, { ...min, value: fixed[0] }, { ...max, value: fixed[1] }) === undefined) return own;
  const alike = [min, max].map((bound, index) =>
    problems[index] ? fixed[index] : checkValue(info, `${bound.value}.00`)?.fix,
  );
  const [low, high] = alike;
  if (low === undefined || high === undefined || emptyRange(info.type, { ...min, value: low }, { ...max, value: high }))
    return problems.map(() => undefined);
  const both = safeFix(`Read both bounds the same way: ${printBound(low)} TO ${printBound(high)}`, [
    edit(spans[0].start, spans[0].end, printBound(low)),
    edit(spans[1].start, spans[1].end, printBound(high)),
  ]);
  return problems.map((problem) => (problem ? [both] : undefined));
}

const ENCODED = /%[0-9A-Fa-f]{2}/;

/** Warns of text percent-encoded by hand: the HTTP layer encodes it again, so the server would search for `%40`. */
function checkEncoding(text: string, span: Span, report: Report, print?: (text: string) => string): void {
  if (!ENCODED.test(text)) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return;
  }
  const message =
    `${text} looks URL-encoded by hand (${decoded}); ` +
    "the query is encoded when it is sent, so write the text itself";
  report("url-encoded", message, span, replacing("Write the text itself", span, print?.(decoded)));
}
