/**
 * Reply text as a tiny document (blocks of spans) rather than a markdown string, so that cutting it to
 * a limit can never leave a dangling `**` or split an escape: markup is added after the cut.
 */
import { escapeMarkdown } from "discord.js";

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export interface Block {
  spans: Span[];
  /** shown as a block quote */
  quote?: boolean;
}
export type Rich = Block[];

export const ELLIPSIS = "…";

export const bold = (text: string): Span => ({ text, bold: true });
export const italic = (text: string): Span => ({ text, italic: true });
export const line = (...parts: (string | Span)[]): Block => ({ spans: parts.map((p) => (typeof p === "string" ? { text: p } : p)) });
export const quote = (text: string): Block => ({ spans: [{ text }], quote: true });

function escape(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

function spanMarkdown(s: Span): string {
  if (!s.text) return "";
  // markers must hug the text: "** x**" is not bold, so outer spaces stay outside
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
  let md = escape(core!).replace(/\n/g, " ");
  if (!md) return s.text;
  if (s.italic) md = `_${md}_`;
  if (s.bold) md = `**${md}**`;
  return lead + md + trail;
}

function blockPrefix(b: Block, first: string): string {
  if (b.quote) return "> ";
  // a line that happens to start with ">" would otherwise turn into a quote
  return first.startsWith(">") ? "\\" : "";
}

/**
 * `text` cut at the last word boundary where `render(prefix + "…")` still fits `room`;
 * a hard cut (by code point, never inside a surrogate pair) only when a single word is longer than the room.
 */
function cutWords(text: string, room: number, render: (t: string) => string): string | null {
  const attempt = (prefix: string) => render(prefix.trimEnd() + ELLIPSIS);
  const bounds: number[] = [];
  for (const m of text.matchAll(/\s+/g)) if (m.index > 0) bounds.push(m.index);
  let lo = 0;
  let hi = bounds.length - 1;
  let best: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const out = attempt(text.slice(0, bounds[mid]));
    if (out.length <= room) {
      best = out;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best !== null || bounds.length) return best;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const out = attempt(chars.slice(0, n).join(""));
    if (out.length <= room) return out;
  }
  return null;
}

/** Discord markdown for `doc`, at most `max` characters, cut between words and marked with "…". */
export function toMarkdown(doc: Rich, max = Infinity): string {
  let out = "";
  for (const [i, block] of doc.entries()) {
    const sep = i === 0 ? "" : "\n";
    const firstText = block.spans[0]?.text ?? "";
    const prefix = sep + blockPrefix(block, firstText);
    if (out.length + prefix.length >= max) return closeWithEllipsis(out, max);
    let piece = prefix;
    for (const span of block.spans) {
      const md = spanMarkdown(span);
      if (out.length + piece.length + md.length <= max) {
        piece += md;
        continue;
      }
      const cut = cutWords(span.text, max - out.length - piece.length, (t) => spanMarkdown({ ...span, text: t }));
      return cut ? out + piece + cut : closeWithEllipsis(out + (piece.trim() ? piece : ""), max);
    }
    out += piece;
  }
  return out;
}

function closeWithEllipsis(text: string, max: number): string {
  const trimmed = text.trimEnd();
  return trimmed.length + 1 <= max ? trimmed + ELLIPSIS : trimmed;
}

/** The same document as plain text for a terminal: quotes keep their "> " so they still stand out. */
export function toPlain(doc: Rich): string {
  return doc.map((b) => (b.quote ? "> " : "") + b.spans.map((s) => s.text).join("")).join("\n");
}

/** Plain text cut at a word boundary (embed titles, field names, footers, button labels). */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return cutWords(text, max, (t) => t) ?? "";
}
