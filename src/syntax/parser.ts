import type { IRecognitionException, IToken, ParserMethod, TokenType } from "chevrotain";
import type {
  AndExpressionCstNode,
  CstNode,
  GroupCstNode,
  QueryCstNode,
  RangeCstNode,
  UnaryExpressionCstNode,
} from "./cst.js";
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

/** Where a range's or group's node goes in the condition that holds it. */
type Slot = "head" | "value" | "more";

/**
 * The grammar of `q`, rule for rule as in `grammar/q.ebnf`. It is pure: it builds a concrete syntax tree (`cst.ts`)
 * and nothing else. It also accepts a few wrong forms (two expressions with no operator, `-`/`+` prefixes, repeated
 * NOT, bare values, invalid tokens) so that the semantic pass can name each mistake and its fix instead of stopping
 * at the first.
 *
 * The actions record the tree: each rule makes its node and puts it in its parent as it starts, so that what a rule
 * read before a mistake stays in the tree whether recovery resumes inside it, after it or further up; each
 * `CONSUME` puts its token in a slot of the node being read. Each rule handles its own node's type, so that no
 * code on the parse's path reads nodes of five shapes (V8 makes such reads slow).
 */
class QueryParser extends EmbeddedActionsParser {
  /** The nodes of the rules being read, innermost last. */
  private readonly open: CstNode[] = [];
  /** The first node of the parse. */
  private root: QueryCstNode | undefined;
  /** Where the next range or group goes in the condition being read. */
  private slot: Slot = "head";

  constructor(recoveryEnabled: boolean) {
    super(allTokens, { recoveryEnabled, maxLookahead: 1, skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
  }

  /** Reads a rule's body with `node` as the node being read. */
  private read(node: CstNode, body: () => void): void {
    this.open.push(node);
    try {
      body();
    } finally {
      this.open.pop();
    }
  }

  /** Puts a range's or group's node in the condition being read, in the slot the alternative chose. */
  private placeValue(node: RangeCstNode | GroupCstNode): void {
    const condition = this.parent<UnaryExpressionCstNode>();
    const slot = this.slot;
    this.slot = "head";
    if (!condition) return;
    if (slot === "head") condition.head = node;
    else if (slot === "value") condition.value = node;
    else condition.more![condition.more!.length - 1]!.value = node;
  }

  /**
   * The node that a rule starting now goes in, whose name the rule knows; none while chevrotain records the grammar,
   * which runs each rule on its own.
   */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the type is the rule's knowledge
  private parent<N extends CstNode>(): N | undefined {
    return this.RECORDING_PHASE ? undefined : this.top<N>();
  }

  /** The node of the rule being read, of the type the action knows it to be. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the type is the action's knowledge
  private top<N extends CstNode>(): N {
    return this.open[this.open.length - 1] as N;
  }

  /** query = [ andExpression { "OR" andExpression } ]: an OR of AND levels, or nothing. */
  query = this.RULE("query", () => {
    const node: QueryCstNode = { name: "query", andExpressions: [], ors: [] };
    if (this.open.length === 0) this.root = node;
    else this.top<GroupCstNode>().query = node;
    this.read(node, this.queryBody);
    // An array grown by push keeps room for 16 more: a copy holds a level's operands in no more than they need,
    // which is most of the tree's memory when levels are short.
    node.andExpressions = node.andExpressions.slice();
    node.ors = node.ors.slice();
    return node;
  });

  // The DSL's arguments are built once, not on every call (chevrotain's performance guide: cached alternatives).
  // They close over nothing but the parser, so sharing them between calls is safe.
  private readonly queryBody = (): void => {
    this.OPTION(this.orExpression);
  };
  private readonly orExpression = (): void => {
    this.SUBRULE(this.andExpression);
    this.MANY(this.orOperand);
  };
  private readonly orOperand = (): void => {
    this.top<QueryCstNode>().ors.push(this.CONSUME(Or));
    this.SUBRULE2(this.andExpression);
  };

  /** andExpression = unaryExpression { [ "AND" ] unaryExpression } */
  andExpression = this.RULE("andExpression", () => {
    const node: AndExpressionCstNode = { name: "andExpression", unaryExpressions: [], ands: [] };
    this.parent<QueryCstNode>()?.andExpressions.push(node);
    this.read(node, this.andExpressionBody);
    node.unaryExpressions = node.unaryExpressions.slice();
    node.ands = node.ands.slice();
    return node;
  });

  private readonly andExpressionBody = (): void => {
    this.SUBRULE(this.unaryExpression);
    this.MANY(this.andOperand);
  };
  private readonly andOperator = (): void => {
    this.top<AndExpressionCstNode>().ands.push(this.CONSUME(And));
  };
  private readonly andOperand = (): void => {
    this.OPTION(this.andOperator);
    this.SUBRULE2(this.unaryExpression);
  };

  /**
   * unaryExpression = { PREFIX } ( WORD { ":" value } | QUOTED | range | group | INVALID ),
   * where value = WORD | QUOTED | range | group | INVALID. A field expression and a bare value both start with a
   * word, so one rule reads both: the grammar stays LL(1), and a condition costs one rule invocation (two with a
   * range).
   */
  unaryExpression = this.RULE("unaryExpression", () => {
    const node: UnaryExpressionCstNode = {
      name: "unaryExpression",
      prefixes: undefined,
      head: undefined,
      colon: undefined,
      value: undefined,
      more: undefined,
    };
    this.parent<AndExpressionCstNode>()?.unaryExpressions.push(node);
    this.read(node, this.unaryBody);
    return node;
  });

  private readonly unaryBody = (): void => {
    this.MANY(this.prefix);
    this.OR(this.operandAlternatives);
  };
  private readonly prefix = (): void => {
    const node = this.top<UnaryExpressionCstNode>();
    (node.prefixes ??= []).push(this.CONSUME(Prefix));
  };
  private readonly fieldValue = (): void => {
    const node = this.top<UnaryExpressionCstNode>();
    const colon = this.CONSUME(Colon);
    // A second colon and its value are a mistake, kept apart for the semantic pass to name.
    if (node.colon === undefined) node.colon = colon;
    else (node.more ??= []).push({ colon, value: undefined });
    this.OR2(this.valueAlternatives);
  };
  private readonly operandAlternatives = [
    {
      ALT: () => {
        this.top<UnaryExpressionCstNode>().head = this.CONSUME(Word);
        this.MANY2(this.fieldValue);
      },
    },
    {
      ALT: () => {
        this.top<UnaryExpressionCstNode>().head = this.CONSUME(Quoted);
      },
    },
    {
      ALT: () => {
        this.SUBRULE(this.range);
      },
    },
    {
      ALT: () => {
        this.SUBRULE(this.group);
      },
    },
    {
      ALT: () => {
        this.top<UnaryExpressionCstNode>().head = this.CONSUME(Invalid);
      },
    },
  ];
  /** The alternatives of a field's value: it goes in `value`, or in `more` after a second colon. */
  private readonly valueAlternatives = (() => {
    const token = (type: TokenType) => () => {
      const value = this.CONSUME2(type);
      const node = this.top<UnaryExpressionCstNode>();
      if (node.more === undefined) node.value = value;
      else node.more[node.more.length - 1]!.value = value;
    };
    // By name: the rules are defined after these alternatives.
    const rule = (name: "range" | "group") => () => {
      this.slot = this.top<UnaryExpressionCstNode>().more === undefined ? "value" : "more";
      const method: ParserMethod<[], CstNode> = this[name];
      this.subrule(2, method);
    };
    return [
      { ALT: token(Word) },
      { ALT: token(Quoted) },
      { ALT: rule("range") },
      { ALT: rule("group") },
      { ALT: token(Invalid) },
    ];
  })();

  /** range = RANGE_OPEN BOUND "TO" BOUND RANGE_CLOSE */
  range = this.RULE("range", () => {
    const node: RangeCstNode = {
      name: "range",
      open: undefined,
      lower: undefined,
      to: undefined,
      upper: undefined,
      close: undefined,
    };
    this.placeValue(node);
    this.read(node, this.rangeBody);
    return node;
  });

  private readonly rangeBody = (): void => {
    const node = this.top<RangeCstNode>();
    node.open = this.CONSUME(RangeOpen);
    node.lower = this.CONSUME(Bound);
    node.to = this.CONSUME(RangeTo);
    node.upper = this.CONSUME2(Bound);
    node.close = this.CONSUME(RangeClose);
  };

  /** group = "(" query ")". The parse limits keep its recursion bounded (see `scan.ts`). */
  group = this.RULE("group", () => {
    const node: GroupCstNode = { name: "group", open: undefined, query: undefined, close: undefined };
    this.placeValue(node);
    this.read(node, this.groupBody);
    return node;
  });

  private readonly groupBody = (): void => {
    const node = this.top<GroupCstNode>();
    node.open = this.CONSUME(LParen);
    this.SUBRULE(this.query);
    node.close = this.CONSUME(RParen);
  };

  /** Parses a token vector: the tree, and what the grammar could not match. */
  parseTokens(tokens: IToken[]): TokenParse {
    const stackTraceLimit = withoutStackTraces();
    try {
      this.input = tokens;
      // Grammar recording, when the parser was built, made nodes too.
      this.root = undefined;
      this.query();
      return { cst: this.root, errors: this.errors };
    } finally {
      // The parser outlives the parse: it must not keep the tokens (and through them the source) alive.
      this.input = [];
      this.open.length = 0;
      this.root = undefined;
      this.slot = "head";
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
  readonly cst: QueryCstNode | undefined;
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
  readonly trees: readonly (QueryCstNode | undefined)[];
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
