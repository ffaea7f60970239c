/**
 * Questions a story can answer, generated from its own sentences and checked by asking them:
 * "Kim laid flowers at the tomb of Mao Anying" → "Who laid flowers at the tomb of Mao Anying?".
 * Used to autocomplete /ask: what the user has typed is matched against them with fuse.js.
 */
import type Fuse from "fuse.js";
import { lazy, require } from "../lazy-require.js";

const FuseClass = lazy<typeof Fuse>(() => require("fuse.js"));
import { answer } from "./answer.js";
import { spanText } from "../language/spans.js";
import type { Sentence, Story, Token } from "../types.js";

export interface Suggestion {
  question: string;
  kind: "who" | "when" | "where";
  paragraph: number;
}

/** Verbs that introduce speech make poor questions ("Who said on Thursday?"). */
const REPORTING = new Set(["say", "tell", "report", "quote", "add", "note", "state", "claim", "accord"]);
/** Prepositions that put something at a place ("in Hoechang", "to Pyongyang"), unlike "with China" or "as North Korea". */
const PLACE_PREPOSITIONS = new Set(["in", "at", "near", "inside", "outside", "across", "throughout", "from", "to", "into"]);
const NOUNISH = new Set(["NOUN", "PROPN", "NUM"]);
const SUBJECT_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"]);
/** Longest object phrase kept in a question; longer ones are cut back to their last noun. */
const MAX_OBJECT = 9;
const MAX_SUBJECT = 8;
const MAX_CANDIDATES = 80;

/** "-" inside "Kim Jong-un" or "flower-laying" is a token of its own: it continues a word, it does not end a phrase. */
function joined(t: Token[], i: number): boolean {
  const tok = t[i];
  const prev = t[i - 1];
  if (!tok || !prev || tok.start !== prev.end) return false;
  return /^[-‑’']/.test(tok.text) || /^[-‑]$/.test(prev.text);
}

const CLAUSE_BREAK = new Set(["PUNCT", "CCONJ", "SCONJ", "PRON", "AUX"]);

/**
 * End (exclusive) of the verb's object starting at `from`: up to a clause break, with at most one
 * prepositional phrase besides "of" ("flowers at the tomb of Mao Anying"), cut back to its last noun.
 */
function phraseEnd(t: Token[], from: number, stopAt: number = t.length): number {
  let end = from;
  let lastPreposition = -1;
  let prepositions = 0;
  while (end < Math.min(stopAt, from + MAX_OBJECT)) {
    const tok = t[end]!;
    if (joined(t, end)) {
      end++;
      continue;
    }
    if (CLAUSE_BREAK.has(tok.pos)) break;
    if (tok.pos === "VERB" && end > from) {
      // "began as North Korea invaded": the words since the preposition are the next clause's subject
      if (lastPreposition >= 0) end = lastPreposition;
      break;
    }
    if (tok.pos === "ADP" && tok.lemma !== "of") {
      if (++prepositions > 1) break;
      lastPreposition = end;
    }
    end++;
  }
  while (end > from && !NOUNISH.has(t[end - 1]!.pos)) end--;
  return end;
}

/** Where the clause that starts at `from` ends: a comma, a conjunction joining another verb, a relative pronoun. */
function clauseEnd(t: Token[], from: number): number {
  for (let i = from; i < t.length; i++) {
    const tok = t[i]!;
    if (joined(t, i)) continue;
    if (tok.pos === "SCONJ" || tok.pos === "PRON" || tok.text === "," || tok.text === ";") return i;
    if (tok.pos === "CCONJ" && (t[i + 1]?.pos === "VERB" || t[i + 1]?.pos === "ADV")) return i;
  }
  return t.length;
}

/** Where the first date mention from token `from` on begins, with its preposition: questions stop before it. */
function firstDate(story: Story, s: Sentence, from: number): number {
  const d = story.dates.filter((x) => x.sentence === s.id && x.start >= from).sort((a, b) => a.start - b.start)[0];
  if (!d) return s.tokens.length;
  return s.tokens[d.start - 1]?.pos === "ADP" ? d.start - 1 : d.start;
}

interface Clause {
  /** subject phrase as it should read mid-question ("the war", "North Korea") */
  subject: string;
  /** auxiliary to front ("did", "had") and the verb form that follows it */
  aux: string;
  verb: string;
  /** token index right after the verb */
  after: number;
  /** token index where the clause's subject starts, after an opener such as "In July 2015," */
  start: number;
}

/** The sentence's main clause when it is a plain "subject verb …" (after an optional "In 2012," opener). */
function mainClause(s: Sentence): Clause | null {
  const t = s.tokens;
  let a = 0;
  if (t[a]?.pos === "PUNCT") a++;
  if (t[a]?.pos === "ADP") {
    const comma = t.findIndex((x, i) => i > a && i < a + 8 && x.text === ",");
    if (comma < 0) return null;
    a = comma + 1;
  }
  let v = a;
  while (v < t.length && (SUBJECT_POS.has(t[v]!.pos) || joined(t, v))) v++;
  if (v === a || v - a > MAX_SUBJECT || !t.slice(a, v).some((x) => NOUNISH.has(x.pos))) return null;
  const first = t[a]!;
  const rawSubject = spanText(s.text, t, a, v);
  const subject = first.pos === "DET" || first.pos === "NOUN" ? first.text.toLowerCase() + rawSubject.slice(first.text.length) : rawSubject;
  const head = t[v];
  if (!head) return null;
  if (head.pos === "AUX" && t[v + 1]?.pos === "VERB") {
    if (REPORTING.has(t[v + 1]!.lemma)) return null;
    return { subject, aux: head.text.toLowerCase(), verb: t[v + 1]!.text, after: v + 2, start: a };
  }
  if (head.pos !== "VERB" || REPORTING.has(head.lemma)) return null;
  return { subject, aux: "did", verb: head.lemma, after: v + 1, start: a };
}

/** A generated question, the sentence it came from and the words its answer should contain; once asked, whether it was answered so. */
type Candidate = { suggestion: Suggestion; source: string; expect: string[]; confirmed?: boolean };

function* whoQuestions(story: Story): Generator<Candidate> {
  for (const e of story.entities) {
    if (e.type !== "person" && e.type !== "organisation") continue;
    for (const m of e.mentions) {
      const s = story.sentences[m.sentence];
      if (!s) continue;
      const t = s.tokens;
      // the name must be the subject: at the start of a clause, titles and all ("Chinese President Xi Jinping")
      let from = m.start;
      while (from > 0 && (t[from - 1]!.pos === "PROPN" || t[from - 1]!.pos === "NOUN" || t[from - 1]!.pos === "ADJ")) from--;
      const before = t[from - 1];
      if (before && before.text !== "," && before.text !== "“" && before.text !== '"') continue;
      let v = m.end;
      const aux = t[v]?.pos === "AUX" && t[v + 1]?.pos === "VERB" ? 1 : 0;
      const verb = t[v + aux];
      if (verb?.pos !== "VERB" || REPORTING.has(verb.lemma)) continue;
      v += aux;
      const end = phraseEnd(t, v + 1, firstDate(story, s, v + 1));
      if (end === v + 1) continue;
      const question = `Who ${spanText(s.text, t, m.end, end)}?`;
      yield { suggestion: { question, kind: "who", paragraph: s.paragraph }, source: s.text, expect: [e.name, ...e.aliases] };
    }
  }
}

function* clauseQuestions(story: Story): Generator<Candidate> {
  for (const s of story.sentences) {
    const c = mainClause(s);
    const t = s.tokens;
    // "Xi stressed that …": the object is a whole clause, a question would stop mid-thought
    if (!c || t[c.after]?.pos === "SCONJ") continue;
    const limit = clauseEnd(t, c.after);
    const ask = (kind: "when" | "where", stop: number, expect: string): Candidate => {
      const end = phraseEnd(t, c.after, stop);
      const object = end > c.after ? ` ${spanText(s.text, t, c.after, end)}` : "";
      const word = kind === "when" ? "When" : "Where";
      return { suggestion: { question: `${word} ${c.aux} ${c.subject} ${c.verb}${object}?`, kind, paragraph: s.paragraph }, source: s.text, expect: [expect] };
    };
    // a date in the opener ("In July 2015, Kim sent …") or the first one inside the clause
    const date = story.dates.filter((x) => x.sentence === s.id && (x.end <= c.start || (x.start >= c.after && x.start < limit))).sort((a, b) => a.start - b.start)[0];
    if (date) yield ask("when", date.start < c.after ? limit : t[date.start - 1]?.pos === "ADP" ? date.start - 1 : date.start, date.text);
    const places = story.entities
      .filter((e) => e.type === "place")
      .flatMap((e) => e.mentions)
      .filter((m) => m.sentence === s.id && m.start > c.after && m.start < limit && PLACE_PREPOSITIONS.has(t[m.start - 1]?.lemma ?? ""))
      .sort((a, b) => a.start - b.start);
    if (places[0]) yield ask("where", places[0].start - 1, places[0].text);
  }
}

const cache = new WeakMap<Story, Suggestion[]>();
const candidates = new WeakMap<Story, Candidate[]>();

const fold = (x: string) => x.toLowerCase().replace(/\s*\(.*\)$/, "");

/** The engine's answer comes from the source sentence and names what the question was made from; asked once (asking is what suggestions cost). */
function confirmed(c: Candidate, story: Story): boolean {
  if (c.confirmed === undefined) {
    const a = answer(c.suggestion.question, story);
    const got = a.answer === null ? "" : fold(a.answer);
    c.confirmed = a.answer !== null && a.evidence === c.source && c.expect.some((e) => got.includes(fold(e)) || fold(e).includes(got));
  }
  return c.confirmed;
}

/** The questions worth asking, distinct, in story order (a stable sort: generation order within a paragraph). */
function candidatesFor(story: Story): Candidate[] {
  let list = candidates.get(story);
  if (!list) {
    const seen = new Set<string>();
    list = [];
    for (const c of [...whoQuestions(story), ...clauseQuestions(story)]) {
      const key = c.suggestion.question.toLowerCase();
      if (seen.has(key) || key.length > 100 || list.length >= MAX_CANDIDATES) continue;
      seen.add(key);
      list.push(c);
    }
    list.sort((x, y) => x.suggestion.paragraph - y.suggestion.paragraph);
    candidates.set(story, list);
  }
  return list;
}

/** Every generated question that the engine answers as intended, in story order. */
export function suggestedQuestions(story: Story): Suggestion[] {
  let out = cache.get(story);
  if (!out) {
    out = candidatesFor(story)
      .filter((c) => confirmed(c, story))
      .map((c) => c.suggestion);
    cache.set(story, out);
  }
  return out;
}

/**
 * The first `n` of suggestedQuestions(story), asking only as many questions as it takes: a reply
 * that offers three questions need not check all eighty (each check is an answer()).
 */
export function firstSuggestions(story: Story, n: number): Suggestion[] {
  const out: Suggestion[] = [];
  for (const c of candidatesFor(story)) {
    if (out.length >= n) break;
    if (confirmed(c, story)) out.push(c.suggestion);
  }
  return out;
}

const fuses = new WeakMap<Story, Fuse<Suggestion>>();

/** Suggestions for what the user has typed so far (all of them, in story order, when nothing is typed). */
export function suggest(story: Story, typed: string, limit = 25): string[] {
  const all = suggestedQuestions(story);
  const text = typed.trim();
  if (!text) return all.slice(0, limit).map((s) => s.question);
  let fuse = fuses.get(story);
  if (!fuse) {
    fuse = new (FuseClass())(all, { keys: ["question"], ignoreLocation: true, ignoreDiacritics: true, threshold: 0.4 });
    fuses.set(story, fuse);
  }
  return fuse.search(text.slice(0, 100), { limit }).map((r) => r.item.question);
}
