/**
 * Reply text as a tiny document (blocks of spans) rather than a markdown string, so that cutting it to
 * a limit can never leave a dangling `**` or split an escape: markup is added after the cut.
 */
import { createRequire } from "node:module";
import type * as Formatters from "@discordjs/formatters";

// the formatters package alone (discord.js would cost the CLI ~370 ms of start-up), and only once
// markdown is made: text for a terminal never needs it, and loading it takes ~13 ms of `storybot ask`
const require = createRequire(import.meta.url);
let formatters: typeof Formatters | undefined;
const escapeMarkdown: typeof Formatters.escapeMarkdown = (text, options) => (formatters ??= require("@discordjs/formatters") as typeof Formatters).escapeMarkdown(text, options);

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

/** @everyone, @here and user or role mentions (<@id>, <@!id>, <@&id>) as they are written in a message. */
const MENTION = /@(everyone|here)|<(@[!&]?)(?=\d)/g;

/**
 * Echoed text ("There is no story \"@everyone\"") is made inert with a zero-width space after the
 * "@": replies already go out with allowedMentions parse [], this keeps them harmless if that is ever lost.
 */
function defuseMentions(text: string): string {
  return text.replace(MENTION, (_, word: string | undefined, at: string | undefined) => (word ? `@\u200b${word}` : `<${at}\u200b`));
}

/** A URL scheme as Discord links it: "https://…" in any text becomes a live link. */
const SCHEME = /\b([a-z][a-z\d+.-]*):\/\//gi;

/**
 * Links in story text must never go out live under the bot's name ("[login here](https://evil…)").
 * A zero-width space after the scheme's colon keeps a bare URL readable and unlinked; for masked
 * links see escape().
 */
export function defuseLinks(text: string): string {
  return text.replace(SCHEME, "$1:\u200b//");
}

function escape(text: string): string {
  // escapeMarkdown's maskedLink option escapes only the first "[…](…)" of a line (its pattern is
  // greedy): every bracket not already escaped (an odd run of backslashes before it) is escaped instead
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true }).replace(/(\\*)([[\]])/g, (_, slashes: string, bracket: string) => (slashes.length % 2 ? slashes : `${slashes}\\`) + bracket);
  // escapeMarkdown leaves one of an odd run of underscores bare ("____…" → "\_\_\__…"), which opens italics
  return defuseLinks(defuseMentions(escaped.replace(/(?<!\\)[*_]/g, (m) => `\\${m}`)));
}

function spanMarkdown(s: Span, atLineStart = false): string {
  if (!s.text) return "";
  // markers must hug the text: "** x**" is not bold, so outer spaces stay outside
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
  let md = escape(core!).replace(/\n/g, " ");
  if (!md) return s.text;
  if (s.italic) md = `_${md}_`;
  if (s.bold) md = `**${md}**`;
  // a line that happens to start with ">" would otherwise turn into a quote
  if (atLineStart && !lead && md.startsWith(">")) md = `\\${md}`;
  return lead + md + trail;
}

/** Cut positions of a text: after each word (before whitespace), longest first. */
function wordEnds(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\s+/g)) if (m.index > 0) out.push(m.index);
  return out.reverse();
}

/** Code-point positions inside a text, longest first: the last resort for a single over-long word. */
function charEnds(text: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const ch of text) out.push((at += ch.length));
  return out.slice(0, -1).reverse();
}

/**
 * The longest prefix `text.slice(0, n)` (n from `ends`, longest first) whose `render(prefix…)` fits `max`.
 * Rendering only grows with the prefix, so a binary search is enough.
 */
function longestFit(ends: number[], max: number, render: (n: number) => string): string | null {
  let lo = 0;
  let hi = ends.length - 1;
  let best: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const out = render(ends[mid]!);
    if (out.length <= max) {
      best = out;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return best;
}

/** Neighbouring spans of one style become one: "**a****b**" would not read as bold. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out.at(-1);
    if (prev && !!prev.bold === !!s.bold && !!prev.italic === !!s.italic) out[out.length - 1] = { ...prev, text: prev.text + s.text };
    else out.push(s);
  }
  return out;
}

function render(doc: Rich): string {
  return doc.map((b) => (b.quote ? "> " : "") + merged(b.spans).map((s, j) => spanMarkdown(s, j === 0)).join("")).join("\n");
}

/** The document's first `n` characters of text (blocks joined by newlines), with "…" after the last word kept. */
function prefixOf(doc: Rich, n: number): Rich {
  const out: Rich = [];
  let left = n;
  for (const [i, b] of doc.entries()) {
    if (i > 0) left -= 1;
    if (left <= 0) break;
    const spans: Span[] = [];
    for (const s of b.spans) {
      if (left <= 0) break;
      spans.push({ ...s, text: s.text.slice(0, left) });
      left -= s.text.length;
    }
    out.push({ ...b, spans });
  }
  const last = out.at(-1);
  if (last) {
    while (last.spans.length && !last.spans.at(-1)!.text.trim()) last.spans.pop();
    const tail = last.spans.at(-1);
    if (tail) tail.text = tail.text.trimEnd() + ELLIPSIS;
    else last.spans.push({ text: ELLIPSIS });
  }
  return out;
}

const unstyled = (doc: Rich): Rich => doc.map((b) => ({ ...b, spans: b.spans.map((s) => ({ text: s.text })) }));

/** Discord markdown for `doc`, at most `max` characters, cut between words and marked with "…". */
export function toMarkdown(doc: Rich, max = Infinity): string {
  const text = doc.map((b) => b.spans.map((s) => s.text).join("")).join("\n");
  // markdown is never shorter than its text, so text past `max` can never be shown; it is not even
  // rendered, because escapeMarkdown takes time quadratic in a line's length (80,000 characters: 5 s)
  if (text.length <= max) {
    const full = render(doc);
    if (full.length <= max) return full;
  }
  const cut = (n: number) => render(prefixOf(doc, n));
  // bold glued to a word ("Kim**’s**") makes one word out of several spans, with markers that cost
  // room: when not even the first word fits styled, it is shown whole without its styles rather than cut
  const plainCut = (n: number) => render(unstyled(prefixOf(doc, n)));
  const within = (ends: number[]) => ends.filter((n) => n < max);
  const words = within(wordEnds(text));
  return longestFit(words, max, cut) ?? longestFit(words, max, plainCut) ?? longestFit(within(charEnds(text.split(/\s/)[0]!)), max, plainCut) ?? (max >= 1 ? ELLIPSIS : "");
}

/** The same document as plain text for a terminal: quotes keep their "> " so they still stand out. */
export function toPlain(doc: Rich): string {
  return doc.map((b) => (b.quote ? "> " : "") + b.spans.map((s) => s.text).join("")).join("\n");
}

/** Plain text cut at a word boundary (embed titles, field names, footers, button labels). */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = (n: number) => text.slice(0, n).trimEnd() + ELLIPSIS;
  return longestFit(wordEnds(text), max, cut) ?? longestFit(charEnds(text), max, cut) ?? "";
}
