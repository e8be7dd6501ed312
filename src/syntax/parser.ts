import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { EmbeddedActionsParser, NotAllInputParsedException, tokenMatcher } from "./chevrotain.js";
import {
  allTokens,
  And,
  Bound,
  Colon,
  Invalid,
  LParen,
  Or,
  Prefix,
  Quoted,
  RangeClose,
  RangeOpen,
  RangeTo,
  RParen,
  Word,
} from "./tokens.js";

declare const __SECUQ_BUILD__: boolean | undefined;
// The published build skips chevrotain's grammar checks: they only find mistakes in the grammar, which tests catch.
const skipGrammarChecks = typeof __SECUQ_BUILD__ !== "undefined" && __SECUQ_BUILD__;

// A field's value is kept under one label in the tree, whatever its kind: a token, or a range's or group's node. The
// label is in the grammar too, so that the tree's generated types (cst.ts) and the diagrams show it.
const VALUE = { LABEL: "value" };

/** A tree node as the semantic pass reads it (`cst.ts`): children by token, label or rule name, in order. */
interface Node {
  readonly name: string;
  readonly children: Record<string, (IToken | CstNode)[]>;
  recoveredNode?: boolean;
}

/**
 * The grammar of `q`, rule for rule as in `grammar/q.ebnf`. It is pure: it builds a concrete syntax tree and nothing
 * else. It also accepts a few wrong forms (two expressions with no operator, `-`/`+` prefixes, repeated NOT, bare
 * values, invalid tokens) so that the semantic pass can name each mistake and its fix instead of stopping at the
 * first.
 *
 * The tree is the one a chevrotain `CstParser` builds, of the types `generateCstDts` derives from this grammar, but
 * recorded by the rules' actions: a `CstParser` makes each node's children with `Object.create(null)`, which V8 keeps
 * as a hash table, so every token added was a hash insertion (8% of parsing a small query) and every node a third
 * larger. Recording plain objects is the public way around that.
 */
class QueryParser extends EmbeddedActionsParser {
  /** The nodes of the rules being read, innermost last. */
  private readonly open: Node[] = [];
  /** The node of the rule that a mistake last ended early: what recovery returns for that rule. */
  private recoveredNode: Node | undefined;
  /** The label the next rule's node is kept under in its parent, when not its rule's name (`value`). */
  private label: string | undefined;

  constructor(recoveryEnabled: boolean) {
    super(allTokens, { recoveryEnabled, maxLookahead: 1, skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
  }

  /** Reads a rule's body into a new node. */
  private node(name: string, body: () => void): Node {
    const node: Node = { name, children: {} };
    const key = this.label ?? name;
    this.label = undefined;
    this.open.push(node);
    try {
      body();
    } catch (error) {
      // What the rule read before the mistake stays in the tree, as a CstParser keeps it: in its parent when the
      // mistake goes further up, or as the rule's result when recovery resumes after it.
      node.recoveredNode = true;
      this.recoveredNode = node;
      this.open.pop();
      if (this.open.length > 0) this.add(key, node);
      throw error;
    }
    this.open.pop();
    return node;
  }

  /** Adds a token or a rule's node to the node being read, under `key`. */
  private add(key: string, child: IToken | Node): void {
    const children = this.open[this.open.length - 1]!.children;
    const list = children[key];
    if (list === undefined) children[key] = [child];
    else list.push(child);
  }

  private readonly partial = (): Node => this.recoveredNode ?? { name: "recovered", children: {} };

  /** query = [ andExpression { "OR" andExpression } ]: an OR of AND levels, or nothing. */
  query = this.RULE("query", () => this.node("query", this.queryBody), { recoveryValueFunc: this.partial });

  // The DSL's arguments are built once, not on every call (chevrotain's performance guide: cached alternatives).
  // They close over nothing but the parser, so sharing them between calls is safe.
  private readonly queryBody = (): void => {
    this.OPTION(this.orExpression);
  };
  private readonly orExpression = (): void => {
    this.add("andExpression", this.SUBRULE(this.andExpression));
    this.MANY(this.orOperand);
  };
  private readonly orOperand = (): void => {
    this.add("Or", this.CONSUME(Or));
    this.add("andExpression", this.SUBRULE2(this.andExpression));
  };

  /** andExpression = unaryExpression { [ "AND" ] unaryExpression } */
  andExpression = this.RULE("andExpression", () => this.node("andExpression", this.andExpressionBody), {
    recoveryValueFunc: this.partial,
  });

  private readonly andExpressionBody = (): void => {
    this.add("unaryExpression", this.SUBRULE(this.unaryExpression));
    this.MANY(this.andOperand);
  };
  private readonly andOperator = (): void => {
    this.add("And", this.CONSUME(And));
  };
  private readonly andOperand = (): void => {
    this.OPTION(this.andOperator);
    this.add("unaryExpression", this.SUBRULE2(this.unaryExpression));
  };

  /**
   * unaryExpression = { PREFIX } ( WORD [ ":" value { ":" value } ] | QUOTED | range | group | INVALID ),
   * where value = WORD | QUOTED | range | group | INVALID, each kept as `value` in the tree. A field expression and
   * a bare value both start with a word, so one rule reads both: the grammar stays LL(1), and a condition costs one
   * rule invocation (two with a range).
   */
  unaryExpression = this.RULE("unaryExpression", () => this.node("unaryExpression", this.unaryBody), {
    recoveryValueFunc: this.partial,
  });

  private readonly unaryBody = (): void => {
    this.MANY(this.prefix);
    this.OR(this.operandAlternatives);
  };
  private readonly prefix = (): void => {
    this.add("Prefix", this.CONSUME(Prefix));
  };
  private readonly fieldValue = (): void => {
    this.add("Colon", this.CONSUME(Colon));
    this.OR2(this.valueAlternatives);
    this.MANY2(this.anotherValue);
  };
  private readonly anotherValue = (): void => {
    this.add("Colon", this.CONSUME2(Colon));
    this.OR3(this.anotherValueAlternatives);
  };
  private readonly operandAlternatives = [
    {
      ALT: () => {
        this.add("Word", this.CONSUME(Word));
        this.OPTION(this.fieldValue);
      },
    },
    {
      ALT: () => {
        this.add("Quoted", this.CONSUME(Quoted));
      },
    },
    {
      ALT: () => {
        this.add("range", this.SUBRULE(this.range));
      },
    },
    {
      ALT: () => {
        this.add("group", this.SUBRULE(this.group));
      },
    },
    {
      ALT: () => {
        this.add("Invalid", this.CONSUME(Invalid));
      },
    },
  ];
  private readonly valueAlternatives = this.valueAlternativesAt(2);
  private readonly anotherValueAlternatives = this.valueAlternativesAt(3);

  /** The alternatives of a value, with DSL occurrence index `occurrence` (chevrotain needs one per use in a rule). */
  private valueAlternativesAt(occurrence: number): { ALT: () => void }[] {
    return [
      {
        ALT: () => {
          this.add(VALUE.LABEL, this.consume(occurrence, Word, VALUE));
        },
      },
      {
        ALT: () => {
          this.add(VALUE.LABEL, this.consume(occurrence, Quoted, VALUE));
        },
      },
      {
        ALT: () => {
          this.label = VALUE.LABEL;
          this.add(VALUE.LABEL, this.subrule(occurrence, this.range, VALUE));
        },
      },
      {
        ALT: () => {
          this.label = VALUE.LABEL;
          this.add(VALUE.LABEL, this.subrule(occurrence, this.group, VALUE));
        },
      },
      {
        ALT: () => {
          this.add(VALUE.LABEL, this.consume(occurrence, Invalid, VALUE));
        },
      },
    ];
  }

  /** range = RANGE_OPEN BOUND "TO" BOUND RANGE_CLOSE */
  range = this.RULE("range", () => this.node("range", this.rangeBody), { recoveryValueFunc: this.partial });

  private readonly rangeBody = (): void => {
    this.add("RangeOpen", this.CONSUME(RangeOpen));
    this.add("Bound", this.CONSUME(Bound));
    this.add("RangeTo", this.CONSUME(RangeTo));
    this.add("Bound", this.CONSUME2(Bound));
    this.add("RangeClose", this.CONSUME(RangeClose));
  };

  /** group = "(" query ")". The parse limits keep its recursion bounded (see `scan.ts`). */
  group = this.RULE("group", () => this.node("group", this.groupBody), { recoveryValueFunc: this.partial });

  private readonly groupBody = (): void => {
    this.add("LParen", this.CONSUME(LParen));
    this.add("query", this.SUBRULE(this.query));
    this.add("RParen", this.CONSUME(RParen));
  };

  /** Parses a token vector: the tree, and what the grammar could not match. */
  parseTokens(tokens: IToken[]): { cst: CstNode | undefined; errors: IRecognitionException[] } {
    const stackTraceLimit = withoutStackTraces();
    try {
      this.input = tokens;
      const cst = this.query();
      return { cst, errors: this.errors };
    } finally {
      // The parser outlives the parse: it must not keep the tokens (and through them the source) alive.
      this.input = [];
      this.open.length = 0;
      this.recoveredNode = undefined;
      this.label = undefined;
      if (stackTraceLimit !== undefined) Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

/**
 * Turns off stack traces, where the engine has them and lets them be changed, and returns the limit to restore.
 * Chevrotain reports each mistake with an exception that captures a stack trace, twice; nothing reads them, and
 * they cost about 40% of reading a query with a mistake.
 */
function withoutStackTraces(): number | undefined {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== "number" || !Object.getOwnPropertyDescriptor(Error, "stackTraceLimit")?.writable) {
    return undefined;
  }
  Error.stackTraceLimit = 0;
  return limit;
}

/** A parse of a token vector: the syntax tree and the grammar's errors. */
export interface TokenParse {
  /** The tree; absent or cut short after an error when read strictly. */
  readonly cst: CstNode | undefined;
  readonly errors: IRecognitionException[];
}

let strict: QueryParser | undefined;
let recovering: QueryParser | undefined;

/**
 * Parses strictly: stops at the first error. Error recovery costs 3 to 10% of every parse (chevrotain checks for
 * it after each repetition), and only a query with an error needs it, so a valid query is read by this instance.
 */
export function parseStrictly(tokens: IToken[]): TokenParse {
  strict ??= new QueryParser(false);
  return strict.parseTokens(tokens);
}

/** A recovering read: one tree per stretch of the tokens read, and the grammar's errors in all of them. */
export interface RecoveredParse {
  readonly trees: readonly (CstNode | undefined)[];
  readonly errors: IRecognitionException[];
}

// Each read after the first costs the tokens left, so their number is bounded: the whole stays linear.
const MAX_READS = 16;
const CONDITION_STARTS = [Word, Quoted, RangeOpen, LParen, Prefix, Invalid];
const startsCondition = (token: IToken): boolean => CONDITION_STARTS.some((type) => tokenMatcher(token, type));

/**
 * Parses with error recovery, so that every mistake is found: for a query that `parseStrictly` found wrong.
 * Chevrotain's recovery resumes inside a rule's repetitions but not at the top level, where a token that cannot
 * start a condition (a leading `OR`, a stray `:`) ends the parse with the rest reported as redundant input. The
 * read then goes on from the next token that can start a condition, so that the mistakes after it are found too.
 */
export function parseRecovering(tokens: IToken[]): RecoveredParse {
  recovering ??= new QueryParser(true);
  let read = recovering.parseTokens(tokens);
  const trees = [read.cst];
  const errors = [...read.errors];
  let rest = tokens;
  for (let reads = 1; reads < MAX_READS; reads++) {
    const stop = read.errors[read.errors.length - 1];
    if (!(stop instanceof NotAllInputParsedException)) break;
    let next = rest.indexOf(stop.token) + 1;
    // A value after a stray colon is its value (`:b`): the colon's report covers it.
    const value = rest[next];
    if (tokenMatcher(stop.token, Colon) && value && (tokenMatcher(value, Word) || tokenMatcher(value, Quoted))) next++;
    while (next < rest.length && !startsCondition(rest[next]!)) next++;
    if (next === 0 || next >= rest.length) break;
    rest = rest.slice(next);
    read = recovering.parseTokens(rest);
    trees.push(read.cst);
    errors.push(...read.errors);
  }
  return { trees, errors };
}

/** The grammar's productions, serialized, for generating railroad diagrams (`npm run diagrams`). */
export function serializedGrammar(): ReturnType<QueryParser["getSerializedGastProductions"]> {
  strict ??= new QueryParser(false);
  return strict.getSerializedGastProductions();
}

/** The grammar's productions, for generating the CST's types (`npm run cst-types`). */
export function grammarProductions(): ReturnType<QueryParser["getGAstProductions"]> {
  strict ??= new QueryParser(false);
  return strict.getGAstProductions();
}
