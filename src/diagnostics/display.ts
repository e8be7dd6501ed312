/**
 * Text made safe and measurable for a terminal: control and invisible characters shown as visible marks, and the
 * columns each character takes, so that a caret lines up under the character it points at.
 */
import { eastAsianWidth } from "./east-asian-width.js";

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

let segmenter: Intl.Segmenter | undefined;
/** The graphemes of a text (made on first use: building a segmenter costs some 20 ms of start-up). */
export function graphemesOf(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return segmenter.segment(text);
}

// Marks (variation selectors among them), format characters (the joiner among them) and controls: nothing of their
// own on the screen.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]*$/u;
// Drawn as emoji, two columns: an emoji-style character, or a pictograph asked for as emoji (U+FE0F) or joined to
// another (U+200D); a pictograph alone (©, ™, ↔, ❤) is text, one column. A regional indicator is half a flag.
const EMOJI_STYLE = /\p{Emoji_Presentation}|\p{Regional_Indicator}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** The columns one grapheme takes, as `string-width` counts them. */
function graphemeWidth(grapheme: string): number {
  const first = grapheme.codePointAt(0)!;
  if (grapheme.length === 1 && first < 0x7f) return first >= 0x20 ? 1 : 0;
  if (ZERO_WIDTH.test(grapheme)) return 0;
  if (grapheme.includes("\ufe0e")) return 1;
  if (EMOJI_STYLE.test(grapheme)) return 2;
  if (PICTOGRAPH.test(grapheme) && (grapheme.includes("\ufe0f") || grapheme.includes("\u200d"))) return 2;
  return eastAsianWidth(first);
}

/**
 * The columns a text takes in a terminal (East Asian wide characters and emoji take two, combining marks and joiners
 * none), a grapheme at a time, as `string-width` counts them: the one measure of the printed diagnostics, the
 * command's tables and its completion lists.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Past ASCII, a character may join the one before it: the whole text is read a grapheme at a time.
    if (code >= 0x7f) {
      width = 0;
      for (const { segment } of graphemesOf(text)) width += graphemeWidth(segment);
      return width;
    }
    if (code >= 0x20) width++;
  }
  return width;
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
  for (const { segment, index } of graphemesOf(line.slice(from, to))) {
    const shown = terminalSafe(segment);
    for (let i = 0; i < segment.length; i++) columnAt[index + i] = column;
    column += displayWidth(shown);
    text += shown;
  }
  columnAt[to - from] = column;
  return { text, columnAt };
}
