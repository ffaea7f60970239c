/**
 * A sentence's parse as a short string, for the story cache: two characters a token, its head and
 * its label. A question reaching a story not in memory parses the few sentences it reads, and that
 * was the largest part of answering it; a stored parse is read back instead, in microseconds.
 *
 * The characters are U+005D onwards (head + 1, 0 for the root; the label's place in LABELS): none
 * that JSON escapes (it escapes `"`, `\` and controls below U+0020), and none above U+00FF, which
 * would make V8 hold the whole entry in two bytes a character and read it more slowly.
 */
import type { Parse } from "./parser.js";
import { LABELS, type Label } from "./transitions.js";

const BASE = 0x5d;

export function encodeParse(parse: Parse): string {
  let out = "";
  for (let k = 0; k < parse.heads.length; k++) out += String.fromCharCode(BASE + parse.heads[k]! + 1, BASE + LABELS.indexOf(parse.labels[k] as Label));
  return out;
}

/** The parse of a sentence of `tokens` tokens, or null when the code is not one of that length. */
export function decodeParse(code: string, tokens: number): Parse | null {
  if (code.length !== 2 * tokens) return null;
  const heads: number[] = new Array(tokens);
  const labels: string[] = new Array(tokens);
  for (let k = 0; k < tokens; k++) {
    const head = code.charCodeAt(2 * k) - BASE - 1;
    const label = LABELS[code.charCodeAt(2 * k + 1) - BASE];
    if (head < -1 || head >= tokens || label === undefined) return null;
    heads[k] = head;
    labels[k] = label;
  }
  return { heads, labels };
}
