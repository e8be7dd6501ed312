/**
 * Text made safe and measurable for a terminal: control and invisible characters shown as visible marks, and the
 * columns each character takes, so that a caret lines up under the character it points at.
 */
import stringWidth from "./string-width.js";

// C0 and C1 controls, DEL, and the invisible format characters that can reorder or hide text (bidi controls,
// zero-width spaces, the BOM), plus line and paragraph separators.
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/** How a character is shown: itself, or a visible mark for one that is not (a tab as ␉, U+200B as ⟨U+200B⟩). */
export function visible(char: string): string {
  if (!INVISIBLE.test(char)) return char;
  const code = char.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** A piece of a line as shown: its text, and the column at which each of its UTF-16 offsets starts. */
export interface Shown {
  readonly text: string;
  /** `columnAt[i]`: the column of offset `from + i`; its last entry is the width of the whole piece. */
  readonly columnAt: readonly number[];
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The columns a text takes in a terminal, as `string-width` counts them (East Asian wide characters and emoji take
 * two, combining marks and joiners none): the one measure of the printed diagnostics, the command's tables and its
 * completion lists.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Text made safe for a terminal: every control and invisible character shown as its mark (see `visible`). */
export function terminalSafe(text: string): string {
  return INVISIBLE.test(text) ? Array.from(text, visible).join("") : text;
}

/**
 * Shows `line` from `from` to `to` (UTF-16 offsets) for a terminal: invisible characters made visible, and the
 * column of every offset counted in display width, a whole character (a grapheme: an emoji sequence, a letter with
 * its marks) at a time.
 */
export function show(line: string, from: number, to: number): Shown {
  let text = "";
  let column = 0;
  const columnAt: number[] = new Array<number>(to - from + 1).fill(0);
  for (const { segment, index } of graphemes.segment(line.slice(from, to))) {
    const shown = terminalSafe(segment);
    for (let i = 0; i < segment.length; i++) columnAt[index + i] = column;
    column += displayWidth(shown);
    text += shown;
  }
  columnAt[to - from] = column;
  return { text, columnAt };
}
