/**
 * The parts of chevrotain the syntax modules use, from one place. The published ESM build bundles this module on its
 * own with a tree-shaken chevrotain: importing chevrotain 11 as published loads some 650 lodash-es modules, which
 * costs about 450 ms of start-up; the bundled copy loads in a few milliseconds.
 */
export {
  createToken,
  createTokenInstance,
  EmbeddedActionsParser,
  EOF,
  Lexer,
  LLkLookaheadStrategy,
  NotAllInputParsedException,
  tokenMatcher,
} from "chevrotain";
