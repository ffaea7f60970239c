/**
 * An article's bytes → its text. UTF-8 (with or without a byte-order mark) and UTF-16 with one are
 * read as such; anything else is told by what it declares (a page's `<meta charset>`, a server's
 * content type) or by chardet's statistics, and decoded with iconv-lite, or refused with the
 * reason. Text is never decoded into U+FFFD replacement characters.
 */
import type * as Chardet from "chardet";
import type * as IconvLite from "iconv-lite";
import { lazy, require } from "../lazy-require.js";
import { StoryFormatError } from "./front-matter.js";

const chardet = lazy<typeof Chardet>(() => require("chardet"));
const iconv = lazy<typeof IconvLite>(() => require("iconv-lite"));

/**
 * chardet's confidence (0–100) below which a guess is no reading of the file, and its lead over
 * the next guess: a short text in Cyrillic can look Hebrew nearly as much as Russian.
 */
const MIN_CONFIDENCE = 50;
const MIN_LEAD = 20;
/** a page declares its charset in its first kilobyte */
const DECLARATION = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** What browsers mean by a label: "ISO-8859-1" pages are read as windows-1252, its superset. */
function canonical(name: string): string {
  const lower = name.trim().toLowerCase();
  return /^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/.test(lower) ? "windows-1252" : lower;
}

function decodeAs(bytes: Uint8Array, name: string): string | null {
  const encoding = canonical(name);
  if (/^utf-?8$/.test(encoding) || !iconv().encodingExists(encoding)) return null;
  const text = iconv().decode(Buffer.from(bytes), encoding);
  // bytes the encoding has no character for: a wrong guess, not a reading
  return text.includes("\uFFFD") ? null : text;
}

/**
 * The text of an article file or fetched page. `declared` is a charset its source states (an HTTP
 * content type); a page's own `<meta charset>` is read too. Throws StoryFormatError with the reason.
 */
export function decodeArticle(bytes: Uint8Array, declared: string | null = null): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv().decode(Buffer.from(bytes), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv().decode(Buffer.from(bytes), "utf-16be");
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // not UTF-8: find out what it is
  }
  const guesses = chardet().analyse(bytes);
  if (bytes.includes(0)) {
    // UTF-16 without a byte-order mark is full of NULs; anything else with them is binary
    const wide = guesses.find((g) => /^UTF-(?:16|32)/i.test(g.name) && g.confidence >= 80);
    const text = wide ? decodeAs(bytes, wide.name) : null;
    if (text) return text;
    throw new StoryFormatError("not a text file (it contains NUL bytes)");
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  for (const name of [declared, DECLARATION.exec(head)?.[1]]) {
    const text = name ? decodeAs(bytes, name) : null;
    if (text !== null) return text;
  }
  const [first, second] = guesses;
  const best = first && first.confidence >= MIN_CONFIDENCE && first.confidence - (second?.confidence ?? 0) >= MIN_LEAD ? first : null;
  const text = best ? decodeAs(bytes, best.name) : null;
  if (text !== null) return text;
  const top = guesses[0];
  throw new StoryFormatError(`not UTF-8, and its encoding could not be told${top ? ` (closest guess ${top.name}, ${top.confidence}% sure)` : ""}: save it as UTF-8`);
}
