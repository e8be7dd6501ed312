import type { IRecognitionException, IToken, ParserMethod, TokenType } from "chevrotain";
import {
  fitted,
  type AndExpressionCstNode,
  type CstNode,
  type GroupCstNode,
  type QueryCstNode,
  type RangeCstNode,
  type UnaryExpressionCstNode,
} from "./cst.js";
import { EmbeddedActionsParser } from "./chevrotain.js";
import { precomputedLookahead } from "./lookahead.js";
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

/** What the parser holds between parses: no tokens, and no new array each time. */
const NO_TOKENS: IToken[] = [];
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
export class QueryGrammar extends EmbeddedActionsParser {
  /** The nodes of the rules being read, innermost last. */
  private readonly open: CstNode[] = [];
  /** The first node of the parse. */
  private root: QueryCstNode | undefined;
  /** Where the next range or group goes in the condition being read. */
  private slot: Slot = "head";

  constructor(recoveryEnabled: boolean) {
    super(allTokens, {
      recoveryEnabled,
      maxLookahead: 1,
      skipValidations: skipGrammarChecks,
      lookaheadStrategy: precomputedLookahead,
    });
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
   * The node that a rule starting now goes in, of the type the rule knows it to be; none while chevrotain records
   * the grammar, which runs each rule on its own.
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
    node.andExpressions = fitted(node.andExpressions);
    node.ors = fitted(node.ors);
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
    node.unaryExpressions = fitted(node.unaryExpressions);
    node.ands = fitted(node.ands);
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
    try {
      this.input = tokens;
      // Grammar recording, when the parser was built, made nodes too.
      this.root = undefined;
      this.query();
      return { cst: this.root, errors: this.errors };
    } finally {
      // The parser outlives the parse: it must not keep the tokens (and through them the source) alive.
      this.input = NO_TOKENS;
      if (this.open.length > 0) this.open.length = 0; // set only when not empty: no cheap store
      this.root = undefined;
      this.slot = "head";
    }
  }
}

/** A parse of a token vector: the syntax tree and the grammar's errors. */
export interface TokenParse {
  /** The tree; absent or cut short after an error when read strictly. */
  readonly cst: QueryCstNode | undefined;
  readonly errors: IRecognitionException[];
}
