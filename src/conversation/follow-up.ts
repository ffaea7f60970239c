/**
 * A follow-up question read against the conversation before it: "when did she resign?" after
 * "who designed the bridge?" → "when did Ingrid Halvorsen resign?". The pronoun is replaced by what
 * it most likely names, by general rules: the previous answer if it is of the right kind, else what
 * the previous question was about, else what came up before that; a person pronoun never takes a
 * person the story calls by the other one. An elliptical question ("what about the tunnel?",
 * "and where?") reuses the previous question. With nothing that fits, the bot asks back instead of
 * guessing, and the next message, if it only names someone, answers that question.
 *
 * The result is a question in words the engine reads as any other; nothing here decides an answer.
 */
import type { Story } from "../engine/index.js";
import { namedIn, peopleOf, referentsOfQuestion, type Referent } from "./referents.js";

/** What the previous turn left to refer to. */
export interface Context {
  /** the question as it was answered */
  asked: string;
  /** the answer, or null when the story did not say */
  answer: string | null;
  /** what the answer gave, when it is something a pronoun can name */
  answerReferent: Referent | null;
  /** what that question was about */
  subjects: Referent[];
  /** what came up in the turns before it, newest first */
  earlier: Referent[];
  /** the bot asked back: the question waiting for its pronoun to be named */
  pending: { question: string; pronoun: string } | null;
}

export type Resolution =
  | { kind: "as-is" }
  | { kind: "rewritten"; asked: string }
  | { kind: "clarify"; pronoun: string; message: string };

type PronounClass = "person" | "thing" | "group" | "place";

interface Pronoun {
  word: string;
  cls: PronounClass;
  gender?: "male" | "female";
  /** written as the name with 's ("his" → "Lars Moe's") */
  possessive?: boolean;
  /** the subject of its clause: in "who said he would resign?" it is the one asked about, not someone earlier */
  subject?: boolean;
}

const PRONOUNS: Record<string, Omit<Pronoun, "word">> = {
  he: { cls: "person", gender: "male", subject: true },
  him: { cls: "person", gender: "male" },
  himself: { cls: "person", gender: "male" },
  his: { cls: "person", gender: "male", possessive: true },
  she: { cls: "person", gender: "female", subject: true },
  herself: { cls: "person", gender: "female" },
  hers: { cls: "person", gender: "female", possessive: true },
  it: { cls: "thing" },
  itself: { cls: "thing" },
  its: { cls: "thing", possessive: true },
  they: { cls: "group", subject: true },
  them: { cls: "group" },
  themselves: { cls: "group" },
  their: { cls: "group", possessive: true },
  theirs: { cls: "group", possessive: true },
};

/** after "her", a word that starts no noun phrase: "her" is then the object ("who replaced her as mayor?") */
const NOT_A_NOUN = new Set(["as", "at", "in", "on", "to", "for", "from", "by", "with", "about", "after", "before", "and", "or", "but", "that", "when", "where", "why", "how", "if", "over", "into", "during", "than", "so", "first", "last", "again"]);
const AUXILIARIES = new Set(["is", "was", "are", "were", "do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall"]);
const WH = /^(?:who|whom|whose|what|which|when|where|why|how)$/i;
const ELLIPSIS = /^(?:and|so|but)?\s*(?:what|how)\s+about\s+(.+?)\s*\??$/i;
/** "the other two", "the rest", "both": the rest of a set, which the last question and answer do not list */
const SET_REST = /^(?:(?:the\s+)?(?:other|remaining)(?:\s+(?:\d+|two|three|four|five|six|ones?))?|(?:the\s+)?others|the\s+rest|both(?:\s+of\s+them)?|them|those)$/i;
const AND_X = /^and\s+(?!(?:who|whom|whose|what|which|when|where|why|how)\b)(.+?)\s*\?$/i;
const BARE_WH = /^(?:and|so|but)?\s*(who|what|when|where|why|how(?:\s+(?:much|many|long))?)\s*\??$/i;
const MAX_NAME_WORDS = 6;
/** how many of the story's people a question back offers */
const OFFERED = 4;

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]+/gu;

interface Token {
  text: string;
  at: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], at: m.index }));
}

/** The pronouns of a question that need an antecedent, with where they stand. */
function pronounsIn(question: string, ts: Token[]): (Pronoun & { token: Token })[] {
  const lower = ts.map((t) => t.text.toLowerCase());
  // "who said he…": "who" is the subject, and a subject pronoun after it is the one asked about
  const whoIsSubject = /^(?:who|what)$/.test(lower[0] ?? "") && !AUXILIARIES.has(lower[1] ?? "");
  const out: (Pronoun & { token: Token })[] = [];
  ts.forEach((token, i) => {
    const word = lower[i]!;
    let p: Omit<Pronoun, "word"> | undefined = PRONOUNS[word];
    if (word === "her") p = { cls: "person", gender: "female", possessive: !!lower[i + 1] && /^[\p{L}]/u.test(lower[i + 1]!) && !NOT_A_NOUN.has(lower[i + 1]!) };
    // "there" as a place: "what happened there?", not "is there…" or "there was…"
    if (word === "there" && i > 0 && !AUXILIARIES.has(lower[i - 1]!) && !AUXILIARIES.has(lower[i + 1] ?? "")) p = { cls: "place" };
    if (!p || (p.subject && whoIsSubject)) return;
    out.push({ word, ...p, token });
  });
  return out;
}

const fits = (p: Pronoun) => (r: Referent) => {
  switch (p.cls) {
    case "person":
      return r.type === "person" && !r.plural && (!r.gender || !p.gender || r.gender === p.gender);
    case "thing":
      return (r.type === "thing" || r.type === "organisation") && !r.plural;
    case "place":
      return r.type === "place";
    case "group":
      return r.plural === true || r.type === "organisation";
  }
};

function inOrder(context: Context, fit: (r: Referent) => boolean): Referent[] {
  const answer = context.answerReferent && fit(context.answerReferent) ? [context.answerReferent] : [];
  return [...answer, ...context.subjects.filter(fit), ...context.earlier.filter(fit)];
}

/**
 * What a pronoun most likely names: the answer, then what the question was about, then what came
 * before. "It" names a place only when no thing fits, and then the place the question was about
 * before the place that answered it: after "where was the bridge built?" it is the bridge, not the
 * fjord. "There" is the place that answered first.
 */
function antecedent(p: Pronoun, context: Context): Referent | null {
  const candidates = inOrder(context, fits(p));
  if (p.cls === "thing") {
    const place = (r: Referent) => r.type === "place";
    candidates.push(...context.subjects.filter(place), ...(context.answerReferent && place(context.answerReferent) ? [context.answerReferent] : []), ...context.earlier.filter(place));
  }
  return candidates[0] ?? null;
}

function written(r: Referent, p: Pronoun): string {
  if (p.cls === "place") return `in ${r.name}`;
  return p.possessive ? `${r.name}’s` : r.name;
}

function replaceAt(text: string, replacements: { token: Token; by: string }[]): string {
  let out = text;
  for (const { token, by } of [...replacements].sort((a, b) => b.token.at - a.token.at)) out = out.slice(0, token.at) + by + out.slice(token.at + token.text.length);
  return out;
}

function askBack(p: Pronoun, story: Story): Resolution {
  const quoted = `“${p.word}”`;
  if (p.cls === "person" || p.cls === "group") {
    const people = peopleOf(story).slice(0, OFFERED).map((r) => r.name);
    const offer = people.length ? ` The story names ${people.length > 1 ? `${people.slice(0, -1).join(", ")} and ${people.at(-1)}` : people[0]}.` : "";
    return { kind: "clarify", pronoun: p.word, message: `Who do you mean by ${quoted}?${offer}` };
  }
  return { kind: "clarify", pronoun: p.word, message: `${p.cls === "place" ? "Where" : "What"} do you mean by ${quoted}? Ask again with its name.` };
}

/** "what about the tunnel?" after "when was the bridge finished?" → "when was the tunnel finished?" */
function ellipsis(what: string, context: Context, story: Story): string | null {
  const named = referentsOfQuestion(story, what)[0];
  const same = context.subjects.find((s) => named && s.type === named.type) ?? context.subjects[0];
  if (!same) return null;
  const at = context.asked.toLowerCase().indexOf(same.name.toLowerCase());
  if (at < 0) return null;
  return context.asked.slice(0, at) + what + context.asked.slice(at + same.name.length);
}

/** "and where?" after "when was the bridge built?" → "where was the bridge built?"; after "who designed it?" (Ingrid Halvorsen) → "where Ingrid Halvorsen designed it?" */
function bareQuestion(wh: string, context: Context): string {
  const ts = tokens(context.asked);
  const first = ts[0]?.text.toLowerCase() ?? "";
  if (!WH.test(first)) return `${wh} ${context.asked}`;
  // "how much", "how many", "how long" ask as one word
  const after = first === "how" && /^(?:much|many|long|far|old)$/i.test(ts[1]?.text ?? "") ? 2 : 1;
  const rest = context.asked.slice(ts[after]?.at ?? context.asked.length);
  const subjectAsked = (first === "who" || first === "what") && !AUXILIARIES.has(ts[1]?.text.toLowerCase() ?? "");
  return subjectAsked && context.answer && wh !== first ? `${wh} ${context.answer} ${rest}` : `${wh} ${rest}`;
}

/** A message that only names someone or something: the answer to a question back. */
function namesOnly(question: string): boolean {
  const ts = tokens(question).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  return ts.length > 0 && ts.length <= MAX_NAME_WORDS && !WH.test(ts[0]!.text) && !AUXILIARIES.has(ts[0]!.text.toLowerCase());
}

export function resolveFollowUp(question: string, context: Context | null, story: Story): Resolution {
  const q = question.trim();
  if (context?.pending && namesOnly(q)) {
    const name = namedIn(story, q)[0]?.name ?? q.replace(/[?.!]+$/, "");
    const ts = tokens(context.pending.question);
    const p = pronounsIn(context.pending.question, ts).find((x) => x.word === context.pending!.pronoun);
    if (p) return { kind: "rewritten", asked: replaceAt(context.pending.question, [{ token: p.token, by: p.possessive ? `${name}’s` : name }]) };
  }

  const bare = BARE_WH.exec(q);
  if (bare) return context ? { kind: "rewritten", asked: bareQuestion(bare[1]!.toLowerCase(), context) } : { kind: "clarify", pronoun: bare[1]!, message: "What would you like to know? Ask me a whole question." };
  const about = ELLIPSIS.exec(q) ?? AND_X.exec(q);
  if (about && SET_REST.test(about[1]!.trim())) {
    const quoted = `“${about[1]!.trim()}”`;
    return { kind: "clarify", pronoun: about[1]!.trim(), message: `Which ones do you mean by ${quoted}? Ask again with their names.` };
  }
  if (about && context) {
    const asked = ellipsis(about[1]!, context, story);
    if (asked) return { kind: "rewritten", asked };
  }

  const ts = tokens(q);
  const pronouns = pronounsIn(q, ts);
  if (!pronouns.length) return { kind: "as-is" };
  // a question that names its own person binds its person pronouns: "when did Moe say he would start?"
  const ownPeople = namedIn(story, q).filter((r) => r.type === "person");
  const replacements: { token: Token; by: string }[] = [];
  for (const p of pronouns) {
    if (p.cls === "person" && ownPeople.some(fits(p))) continue;
    const r = context ? antecedent(p, context) : null;
    if (!r) return askBack(p, story);
    replacements.push({ token: p.token, by: written(r, p) });
  }
  return replacements.length ? { kind: "rewritten", asked: replaceAt(q, replacements) } : { kind: "as-is" };
}
