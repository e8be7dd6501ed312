import { edit, safeFix, type Fix, type TextEdit } from "../../diagnostics/diagnostic.js";

const SPACES = /[ \t\n\r\u3000]/;
const OPERATOR_BEFORE = /[ \t\n\r\u3000]+(?:AND|OR|&&|\|\|)[ \t\n\r\u3000]*$/;
const OPERATOR_AFTER = /^[ \t\n\r\u3000]*(?:AND|OR|&&|\|\|)(?=[ \t\n\r\u3000])/;
const PREFIX_BEFORE = /(?<=^|[ \t\n\r\u3000(])(?:NOT[ \t\n\r\u3000]+|!)$/;
// How far back to look for an operator: operators and prefixes are short, the spaces around them usually are.
const LOOK = 16;

/**
 * An edit removing the text from `start` to `end` with what would be left dangling: a NOT before it, and the
 * operator joining it to its neighbour (the one before it, else the one after), so that the rest still reads.
 */
export function removal(source: string, start: number, end: number): TextEdit {
  let from = start;
  const prefix = PREFIX_BEFORE.exec(source.slice(Math.max(0, from - LOOK), from));
  if (prefix) from -= prefix[0].length;
  const before = OPERATOR_BEFORE.exec(source.slice(Math.max(0, from - LOOK), from));
  if (before) return edit(from - before[0].length, end, "");
  const after = OPERATOR_AFTER.exec(source.slice(end, end + LOOK));
  let to = end + (after ? after[0].length : 0);
  while (to < source.length && SPACES.test(source[to]!)) to++;
  return edit(from, to, "");
}

/** The safe fix removing `start`…`end` (see `removal`); none when nothing would be left of the query. */
export function removalFix(source: string, title: string, start: number, end: number): Fix[] {
  const { span } = removal(source, start, end);
  const left = source.slice(0, span.start) + source.slice(span.end);
  return left.trim() === "" ? [] : [safeFix(title, [edit(span.start, span.end, "")])];
}
