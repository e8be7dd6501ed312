/**
 * Lucene's regular expressions (the RegExp class, with the operators Elasticsearch enables: `&` intersection, `~`
 * complement, `#` the empty language, `@` any string, `<n-m>` numeric intervals), matched in linear time: the
 * expression is compiled once into a deterministic automaton by Brzozowski derivatives, and matching reads each
 * character once. No backtracking, whatever the pattern. An expression Lucene cannot read, or whose automaton passes
 * Lucene's limit of 10,000 states, is refused with the reason.
 */

/** Why a regular expression cannot be compiled (Lucene's IllegalArgumentException or TooComplexToDeterminize). */
export class RegexpError extends Error {}

/** A compiled expression: whether a whole text matches. */
export type RegexpMatcher = (text: string) => boolean;

/** Lucene's default limit on the states of a determinized automaton. */
export const MAX_DETERMINIZED_STATES = 10_000;
const MAX_CODE_POINT = 0x10ffff;

// Nodes are hash-consed: structurally equal nodes are the same object, so derivatives can be compared by identity.
type Node =
  | { readonly op: "none"; readonly id: number }
  | { readonly op: "empty"; readonly id: number }
  | { readonly op: "chars"; readonly id: number; readonly ranges: readonly number[] }
  | { readonly op: "concat"; readonly id: number; readonly a: Node; readonly b: Node }
  | { readonly op: "or"; readonly id: number; readonly items: readonly Node[] }
  | { readonly op: "and"; readonly id: number; readonly items: readonly Node[] }
  | { readonly op: "not"; readonly id: number; readonly a: Node }
  | { readonly op: "star"; readonly id: number; readonly a: Node };

class Nodes {
  private readonly table = new Map<string, Node>();
  readonly none = this.make("none", "", (id) => ({ op: "none", id }));
  readonly empty = this.make("empty", "", (id) => ({ op: "empty", id }));
  readonly any = this.chars([0, MAX_CODE_POINT]);
  readonly anyString = this.star(this.any);

  private make(op: string, key: string, build: (id: number) => Node): Node {
    const full = `${op}:${key}`;
    let node = this.table.get(full);
    if (!node) this.table.set(full, (node = build(this.table.size)));
    return node;
  }

  /** Code point ranges as [from, to, from, to, …], sorted and merged by the caller. */
  chars(ranges: readonly number[]): Node {
    if (ranges.length === 0) return this.none;
    return this.make("chars", ranges.join(","), (id) => ({ op: "chars", id, ranges }));
  }

  concat(a: Node, b: Node): Node {
    if (a.op === "none" || b.op === "none") return this.none;
    if (a.op === "empty") return b;
    if (b.op === "empty") return a;
    // Right-nested, so that equal sequences are the same node.
    if (a.op === "concat") return this.concat(a.a, this.concat(a.b, b));
    return this.make("concat", `${a.id},${b.id}`, (id) => ({ op: "concat", id, a, b }));
  }

  or(items: readonly Node[]): Node {
    const set = new Map<number, Node>();
    for (const item of items) {
      if (item === this.anyString) return item;
      for (const inner of item.op === "or" ? item.items : [item]) if (inner.op !== "none") set.set(inner.id, inner);
    }
    const sorted = [...set.values()].sort((x, y) => x.id - y.id);
    if (sorted.length === 0) return this.none;
    if (sorted.length === 1) return sorted[0]!;
    return this.make("or", sorted.map((n) => n.id).join(","), (id) => ({ op: "or", id, items: sorted }));
  }

  and(items: readonly Node[]): Node {
    const set = new Map<number, Node>();
    for (const item of items) {
      if (item.op === "none") return this.none;
      for (const inner of item.op === "and" ? item.items : [item])
        if (inner !== this.anyString) set.set(inner.id, inner);
    }
    const sorted = [...set.values()].sort((x, y) => x.id - y.id);
    if (sorted.length === 0) return this.anyString;
    if (sorted.length === 1) return sorted[0]!;
    return this.make("and", sorted.map((n) => n.id).join(","), (id) => ({ op: "and", id, items: sorted }));
  }

  not(a: Node): Node {
    if (a.op === "not") return a.a;
    return this.make("not", String(a.id), (id) => ({ op: "not", id, a }));
  }

  star(a: Node): Node {
    if (a.op === "star") return a;
    if (a.op === "none" || a.op === "empty") return this.empty;
    return this.make("star", String(a.id), (id) => ({ op: "star", id, a }));
  }

  get size(): number {
    return this.table.size;
  }
}

function nullable(node: Node): boolean {
  switch (node.op) {
    case "empty":
    case "star":
      return true;
    case "none":
    case "chars":
      return false;
    case "concat":
      return nullable(node.a) && nullable(node.b);
    case "or":
      return node.items.some(nullable);
    case "and":
      return node.items.every(nullable);
    case "not":
      return !nullable(node.a);
  }
}

function derive(nodes: Nodes, node: Node, c: number): Node {
  switch (node.op) {
    case "empty":
    case "none":
      return nodes.none;
    case "chars": {
      const r = node.ranges;
      for (let i = 0; i < r.length; i += 2) if (c >= r[i]! && c <= r[i + 1]!) return nodes.empty;
      return nodes.none;
    }
    case "concat": {
      const first = nodes.concat(derive(nodes, node.a, c), node.b);
      return nullable(node.a) ? nodes.or([first, derive(nodes, node.b, c)]) : first;
    }
    case "or":
      return nodes.or(node.items.map((item) => derive(nodes, item, c)));
    case "and":
      return nodes.and(node.items.map((item) => derive(nodes, item, c)));
    case "not":
      return nodes.not(derive(nodes, node.a, c));
    case "star":
      return nodes.concat(derive(nodes, node.a, c), node);
  }
}

/** Every character range boundary in the expression: characters between two boundaries behave alike. */
function boundaries(node: Node, seen: Set<number>, out: Set<number>): void {
  if (seen.has(node.id)) return;
  seen.add(node.id);
  switch (node.op) {
    case "chars":
      for (let i = 0; i < node.ranges.length; i += 2) out.add(node.ranges[i]!).add(node.ranges[i + 1]! + 1);
      break;
    case "concat":
      boundaries(node.a, seen, out);
      boundaries(node.b, seen, out);
      break;
    case "or":
    case "and":
      for (const item of node.items) boundaries(item, seen, out);
      break;
    case "not":
    case "star":
      boundaries(node.a, seen, out);
      break;
    default:
  }
}

/** Compiles Lucene regular-expression syntax into a matcher; throws `RegexpError` for what Lucene refuses. */
export function compileRegexp(source: string): RegexpMatcher {
  const nodes = new Nodes();
  const root = new RegexpParser(source, nodes).parse();
  const points = new Set<number>([0]);
  boundaries(root, new Set(), points);
  const starts = [...points].filter((p) => p <= MAX_CODE_POINT).sort((a, b) => a - b);
  // The automaton: states by node, one transition per character class.
  const states: Node[] = [root];
  const index = new Map<number, number>([[root.id, 0]]);
  const transitions: number[] = [];
  // The array grows as states are found; iterating it reaches each new one.
  for (const state of states) {
    for (const start of starts) {
      const next = derive(nodes, state, start);
      let target = index.get(next.id);
      if (target === undefined) {
        if (states.length >= MAX_DETERMINIZED_STATES) {
          throw new RegexpError(`Determinizing automaton would result in more than ${MAX_DETERMINIZED_STATES} states.`);
        }
        target = states.length;
        index.set(next.id, target);
        states.push(next);
      }
      transitions.push(target);
    }
  }
  const table = Int32Array.from(transitions);
  const accepting = states.map(nullable);
  const classes = starts.length;
  const classOf = (c: number): number => {
    let low = 0;
    let high = classes - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= c) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return (text) => {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.codePointAt(i)!;
      if (c > 0xffff) i++;
      state = table[state * classes + classOf(c)]!;
    }
    return accepting[state]!;
  };
}

const MAX_REPEAT = 1000;

/** A recursive-descent reader of Lucene's RegExp grammar. */
class RegexpParser {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly nodes: Nodes,
  ) {}

  parse(): Node {
    // Lucene reads an empty expression as the empty string, though an element is needed everywhere else.
    if (this.source === "") return this.nodes.empty;
    const node = this.union();
    if (this.at < this.source.length) this.fail("end-of-string expected");
    return node;
  }

  private fail(what: string): never {
    throw new RegexpError(`${what} at position ${this.at}`);
  }

  private peek(chars: string): boolean {
    return this.at < this.source.length && chars.includes(this.source[this.at]!);
  }

  private match(c: string): boolean {
    if (this.source[this.at] !== c) return false;
    this.at++;
    return true;
  }

  private union(): Node {
    if (++this.depth > 200) this.fail("expression nested too deep");
    const items = [this.intersection()];
    while (this.match("|")) items.push(this.intersection());
    this.depth--;
    return this.nodes.or(items);
  }

  private intersection(): Node {
    const items = [this.concatenation()];
    while (this.match("&")) items.push(this.concatenation());
    return this.nodes.and(items);
  }

  // At least one element, as Lucene reads it: a `|` or `&` where an element must be is a literal character.
  private concatenation(): Node {
    let node = this.repeat();
    while (this.at < this.source.length && !this.peek(")|&")) node = this.nodes.concat(node, this.repeat());
    return node;
  }

  private repeat(): Node {
    let node = this.complement();
    for (;;) {
      if (this.match("?")) node = this.nodes.or([node, this.nodes.empty]);
      else if (this.match("*")) node = this.nodes.star(node);
      else if (this.match("+")) node = this.nodes.concat(node, this.nodes.star(node));
      else if (this.match("{")) {
        const min = this.number();
        let max = min;
        if (this.match(",")) max = this.peek("0123456789") ? this.number() : -1;
        if (!this.match("}")) this.fail("expected '}'");
        if (max !== -1 && max < min) this.fail("invalid repetition");
        if (min > MAX_REPEAT || max > MAX_REPEAT) this.fail("repetition too large");
        node = this.repeatNode(node, min, max);
      } else return node;
    }
  }

  private repeatNode(node: Node, min: number, max: number): Node {
    let result = this.nodes.empty;
    for (let i = 0; i < min; i++) result = this.nodes.concat(result, node);
    if (max === -1) return this.nodes.concat(result, this.nodes.star(node));
    let optional = this.nodes.empty;
    for (let i = min; i < max; i++) optional = this.nodes.or([this.nodes.empty, this.nodes.concat(node, optional)]);
    return this.nodes.concat(result, optional);
  }

  private number(): number {
    const start = this.at;
    while (this.peek("0123456789")) this.at++;
    if (start === this.at) this.fail("integer expected");
    return Number(this.source.slice(start, this.at));
  }

  private complement(): Node {
    if (this.match("~")) return this.nodes.not(this.complement());
    return this.charClass();
  }

  private charClass(): Node {
    if (!this.match("[")) return this.simple();
    const negated = this.match("^");
    const ranges: number[] = [];
    do {
      const from = this.charExp();
      let to = from;
      if (this.match("-")) to = this.charExp();
      if (to < from) this.fail("invalid character class");
      ranges.push(from, to);
    } while (this.at < this.source.length && !this.peek("]"));
    if (!this.match("]")) this.fail("expected ']'");
    const set = normalize(ranges);
    return this.nodes.chars(negated ? invert(set) : set);
  }

  private charExp(): number {
    if (this.at >= this.source.length) this.fail("unexpected end-of-string");
    this.match("\\");
    if (this.at >= this.source.length) this.fail("unexpected end-of-string");
    const c = this.source.codePointAt(this.at)!;
    this.at += c > 0xffff ? 2 : 1;
    return c;
  }

  private simple(): Node {
    const nodes = this.nodes;
    if (this.match(".")) return nodes.any;
    if (this.match("#")) return nodes.none;
    if (this.match("@")) return nodes.anyString;
    if (this.match('"')) {
      const end = this.source.indexOf('"', this.at);
      if (end === -1) this.fail("expected '\"'");
      const text = this.source.slice(this.at, end);
      this.at = end + 1;
      return literal(nodes, text);
    }
    if (this.match("(")) {
      if (this.match(")")) return nodes.empty;
      const inner = this.union();
      if (!this.match(")")) this.fail("expected ')'");
      return inner;
    }
    if (this.match("<")) return this.interval();
    const c = this.charExp();
    return nodes.chars([c, c]);
  }

  /** `<n-m>`: a decimal number from n to m; written with equally many digits, it has exactly that many. */
  private interval(): Node {
    const end = this.source.indexOf(">", this.at);
    if (end === -1) this.fail("expected '>'");
    const body = this.source.slice(this.at, end);
    const dash = body.indexOf("-");
    if (dash <= 0 || dash === body.length - 1 || !/^\d+-\d+$/.test(body)) {
      this.fail("interval syntax error (named automata are not available)");
    }
    this.at = end + 1;
    const [lowText, highText] = [body.slice(0, dash), body.slice(dash + 1)];
    let [low, high] = [Number(lowText), Number(highText)];
    if (low > high) [low, high] = [high, low];
    if (high - low > MAX_DETERMINIZED_STATES) this.fail("interval too large");
    const digits = lowText.length === highText.length ? lowText.length : 0;
    const zeros = this.nodes.star(this.nodes.chars([48, 48]));
    const numbers: Node[] = [];
    for (let n = low; n <= high; n++) {
      const text = String(n);
      numbers.push(
        digits > 0
          ? literal(this.nodes, text.padStart(digits, "0"))
          : this.nodes.concat(zeros, literal(this.nodes, text)),
      );
    }
    return this.nodes.or(numbers);
  }
}

function literal(nodes: Nodes, text: string): Node {
  let node = nodes.empty;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    node = nodes.concat(node, nodes.chars([code, code]));
  }
  return node;
}

/** Sorted, merged ranges. */
function normalize(ranges: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    const last = out.length - 1;
    if (last > 0 && from <= out[last]! + 1) out[last] = Math.max(out[last]!, to);
    else out.push(from, to);
  }
  return out;
}

/** The code points not in sorted, merged ranges. */
function invert(ranges: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i]! > next) out.push(next, ranges[i]! - 1);
    next = ranges[i + 1]! + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}
