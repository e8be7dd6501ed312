/**
 * Text made safe and measurable for a terminal: control and invisible characters shown as visible marks, and the
 * columns each character takes, so that a caret lines up under the character it points at.
 */

// C0 and C1 controls, DEL, and the invisible format characters that can reorder or hide text (bidi controls,
// zero-width spaces, the BOM), plus line and paragraph separators.
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** How a character is shown: itself, or a visible mark for one that is not (a tab as ␉, U+200B as ⟨U+200B⟩). */
export function visible(char: string): string {
  if (!INVISIBLE.test(char)) return char;
  const code = char.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** Whether a code point takes two columns: East Asian wide and fullwidth characters. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** A piece of a line as shown: its text, and the column at which each of its UTF-16 offsets starts. */
export interface Shown {
  readonly text: string;
  /** `columnAt[i]`: the column of offset `from + i`; its last entry is the width of the whole piece. */
  readonly columnAt: readonly number[];
}

/**
 * Shows `line` from `from` to `to` (UTF-16 offsets) for a terminal: invisible characters made visible, and the
 * column of every offset counted in display width (wide and emoji characters take two, combining marks none, an
 * emoji joined to the one before by U+200D or a flag's second letter nothing more).
 */
export function show(line: string, from: number, to: number): Shown {
  let text = "";
  let column = 0;
  const columnAt: number[] = new Array<number>(to - from + 1).fill(0);
  let previous = 0;
  for (let i = from; i < to;) {
    const code = line.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    const char = line.slice(i, i + size);
    const shown = visible(char);
    const joined =
      previous === 0x200d ||
      (isRegionalIndicator(code) && isRegionalIndicator(previous) && pairStartsAt(line, from, i));
    columnAt[i - from] = column;
    if (size === 2) columnAt[i - from + 1] = column;
    column += joined ? 0 : columns(shown);
    text += shown;
    previous = code;
    i += size;
  }
  columnAt[to - from] = column;
  return { text, columnAt };
}

const isRegionalIndicator = (code: number): boolean => code >= 0x1f1e6 && code <= 0x1f1ff;

/** Whether the regional indicator at `at` is the second of a pair (counted from `from`): a flag is two of them. */
function pairStartsAt(line: string, from: number, at: number): boolean {
  let count = 0;
  for (let i = at - 2; i >= from && isRegionalIndicator(line.codePointAt(i)!); i -= 2) count++;
  return count % 2 === 1;
}

/** The columns a shown character (one code point, or a mark from `visible`) takes in a terminal. */
export function columns(shown: string): number {
  if (shown.length > 2) return [...shown].length;
  const code = shown.codePointAt(0)!;
  if (COMBINING.test(shown) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  return isWide(code) || EMOJI.test(shown) ? 2 : 1;
}
