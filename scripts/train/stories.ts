/**
 * The stories a training question is asked of. Each question is asked of its own paragraph (the
 * form of the SQuAD sets) and, where its article has more paragraphs, of a block of about
 * `BLOCK_PARAGRAPHS` consecutive ones around it: the length of a news story, where the evidence
 * must first be found among many sentences. A third form makes a hard unanswerable question: the
 * paragraph with every sentence holding the answer taken out, so that the question still shares
 * most of its words with what is left. A fourth swaps a name or number of the question for another
 * of the same article that the paragraph never mentions ("When did Tesla …" → "When did Edison …"):
 * the kind of unanswerable question a careless reader answers anyway. A fifth puts a word of the
 * question for its opposite ("Who was the first …" → "Who was the last …"), as SQuAD 2.0's writers
 * often did, where the paragraph uses the word and never its opposite.
 */
import { createHash } from "node:crypto";
import { antonymsOf, isEnglishWord } from "../../src/engine/language/wordnet.js";
import { goldAnswers, type QaRow } from "./qa-data.js";

export const BLOCK_PARAGRAPHS = 8;
/** One answerable question in this many also gives a question with its answer taken out. */
export const REMOVAL_EVERY = 3;

export type Form = "paragraph" | "block" | "removed" | "swapped" | "opposed";

export interface Asked {
  row: QaRow;
  /** the question asked, when it is not the row's own */
  question?: string;
  form: Form;
  /** the story text */
  text: string;
  /** gold answers; empty when the story does not answer */
  golds: string[];
}

function hashOf(s: string): number {
  return createHash("sha1").update(s).digest().readUInt32BE(0);
}

/** Sentences by a rough split: good enough to take out the ones that hold an answer. */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u);
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ");

/**
 * Names (capitalised runs after a lower-case word or a comma, so never a sentence's first word)
 * and numbers.
 */
const SPECIFIC = /(?<=[\p{Ll}\d,;:]\s)(?:\p{Lu}[\p{L}'’-]*(?:\s(?:of\s|the\s)?\p{Lu}[\p{L}'’-]*)*|\d[\d,.]*\d|\d)/gu;

function specifics(text: string): string[] {
  return [...text.matchAll(SPECIFIC)].map((m) => m[0]).filter((w) => w.length > 1);
}

/** The question with one of its names or numbers replaced by one of the same shape the paragraph lacks. */
function swapped(row: QaRow, article: readonly string[]): string | null {
  const own = specifics(row.q).filter((w) => norm(row.context).includes(norm(w)));
  if (!own.length) return null;
  const target = own[hashOf(row.id + "target") % own.length]!;
  const numeric = /^\d/.test(target);
  const others = [...new Set(article.flatMap(specifics))].filter((w) => /^\d/.test(w) === numeric && !norm(row.context).includes(norm(w)) && !norm(row.q).includes(norm(w)));
  if (!others.length) return null;
  return row.q.replace(target, others[hashOf(row.id + "with") % others.length]!);
}

/** Endings a word keeps when it is put for its opposite: "largest" → "smallest", "older" → "younger". */
const ENDINGS = ["", "est", "st", "er", "r"];

/**
 * Words whose WordNet opposites make no question of another meaning: "how many" and "how much"
 * ask for a number either way, and "like", "have" or "use" are rarely the word a question hangs on.
 */
const NOT_OPPOSED = new Set(["many", "much", "few", "little", "long", "like", "have", "has", "had", "use", "used", "make", "made", "do", "does", "did", "front", "back"]);

/** A word's opposite as WordNet gives it, in the same comparative or superlative form. */
function oppositeWord(word: string): string | null {
  // a capitalised word is part of a name ("Victory March", "Public Health")
  if (!/^[a-z]{3,}$/.test(word) || NOT_OPPOSED.has(word)) return null;
  const w = word;
  // an ending is taken off only a word WordNet does not list itself ("largest", not "after" or "year")
  for (const ending of isEnglishWord(w) ? [""] : ENDINGS) {
    if (!w.endsWith(ending) || w.length - ending.length < 3) continue;
    const base = w.slice(0, w.length - ending.length);
    for (const pos of ending ? (["adj", "adv"] as const) : (["adj", "adv", "verb", "noun"] as const)) {
      const opposite = antonymsOf(base, pos).find((a) => /^[a-z]+$/.test(a));
      if (opposite) return opposite + ending;
    }
  }
  return null;
}

/** Whether some word of the text begins like this one ("end" in "ended", "ending"). */
function hasWordLike(text: string, word: string): boolean {
  const stem = word.slice(0, Math.max(3, word.length - 2));
  return new RegExp(`(?<![\\p{L}])${stem}`, "iu").test(text);
}

/** The question with a word the paragraph uses put for its opposite, which the paragraph never uses. */
function opposed(row: QaRow): string | null {
  const words = row.q.split(/(\s+)/);
  for (let i = 2; i < words.length; i += 2) {
    const word = words[i]!.replace(/[?.,!]+$/, "");
    const opposite = oppositeWord(word);
    if (!opposite || !hasWordLike(row.context, word) || hasWordLike(row.context, opposite) || hasWordLike(row.q, opposite)) continue;
    const written = /^\p{Lu}/u.test(word) ? opposite[0]!.toUpperCase() + opposite.slice(1) : opposite;
    words[i] = words[i]!.replace(word, written);
    return words.join("");
  }
  return null;
}

function withoutAnswer(context: string, golds: string[]): string | null {
  const kept = roughSentences(context).filter((s) => !golds.some((g) => norm(s).includes(norm(g))));
  const text = kept.join(" ");
  if (kept.length < 2 || golds.some((g) => norm(text).includes(norm(g)))) return null;
  return text;
}

/**
 * Every story each row is asked of. A derived unanswerable question ("<id>#neg") is asked of a block
 * only if the block lacks the answers of the question it was derived from.
 */
export function askedForms(rows: readonly QaRow[]): Asked[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const articles = new Map<string, string[]>();
  for (const r of rows) {
    if (/reddit/i.test(r.source) || !r.title) continue;
    const list = articles.get(r.title) ?? [];
    if (!list.includes(r.context)) list.push(r.context);
    articles.set(r.title, list);
  }
  const out: Asked[] = [];
  for (const row of rows) {
    const golds = goldAnswers(row);
    out.push({ row, form: "paragraph", text: row.context, golds });
    const paragraphs = articles.get(row.title);
    const at = paragraphs?.indexOf(row.context) ?? -1;
    if (paragraphs && paragraphs.length > 1 && at >= 0) {
      const from = Math.floor(at / BLOCK_PARAGRAPHS) * BLOCK_PARAGRAPHS;
      const block = paragraphs.slice(from, from + BLOCK_PARAGRAPHS).join("\n\n");
      // an unanswerable question stays one in the block only if we know its answer and the block lacks it
      const derivedFrom = row.id.endsWith("#neg") ? byId.get(row.id.slice(0, -4)) : undefined;
      const stillUnanswerable = !!derivedFrom && !goldAnswers(derivedFrom).some((g) => norm(block).includes(norm(g)));
      if (golds.length || stillUnanswerable) out.push({ row, form: "block", text: block, golds });
    }
    if (golds.length && hashOf(row.id) % REMOVAL_EVERY === 0) {
      const text = withoutAnswer(row.context, golds);
      if (text) out.push({ row, form: "removed", text, golds: [] });
    }
    if (golds.length && paragraphs && hashOf(row.id) % REMOVAL_EVERY === 1) {
      const question = swapped(row, paragraphs);
      if (question) out.push({ row, question, form: "swapped", text: row.context, golds: [] });
    }
    if (golds.length && hashOf(row.id) % REMOVAL_EVERY === 2) {
      const question = opposed(row);
      if (question) out.push({ row, question, form: "opposed", text: row.context, golds: [] });
    }
  }
  return out;
}
