/**
 * Extractive summaries: whole sentences of the article, in story order, each with its ¶.
 * Sentences are chosen by centrality (TextRank), blended with their position (news puts the
 * main event first) and the named people, places and organisations they bring; each further
 * pick is penalised for repeating what is already chosen (maximal marginal relevance).
 */
import { PLACE_NOUNS, PLACE_PREPOSITIONS } from "../language/lexicon.js";
import { sentenceGraph, similarity, textRank, type SentenceGraph } from "./centrality.js";
import { withResolvedDates } from "../language/resolved-dates.js";
import { resolveTopic, unknownTopic, UnknownTopicError } from "./topic.js";
import { beforeArticle } from "../language/spans.js";

export { UnknownTopicError };
import type { Entity, Story } from "../types.js";

export const SUMMARY_LENGTHS = ["short", "medium", "long"] as const;
export type SummaryLength = (typeof SUMMARY_LENGTHS)[number];

export interface SummarySentence {
  /** the sentence verbatim, relative dates followed by their calendar date */
  text: string;
  paragraph: number;
  /** index in story.sentences */
  sentence: number;
}

export interface Summary {
  story: string;
  length: SummaryLength;
  /** the person, place or topic focused on (its canonical name), or null for the whole story */
  about: string | null;
  sentences: SummarySentence[];
}

export const SHORT_MAX_CHARS = 350;
const MAX_SENTENCES: Record<SummaryLength, number> = { short: 2, medium: 5, long: 10 };
const NAMED = new Set<Entity["type"]>(["person", "place", "organisation"]);
/** sentences this similar to one already chosen say the same thing again */
const DUPLICATE_SIMILARITY = 0.8;
const REDUNDANCY_PENALTY = 0.5;
const WEIGHTS = { centrality: 0.5, position: 0.25, entities: 0.25, novelty: 0.35, w: 0.3 };
/** a news story's lead: its opening paragraphs (of the focused sentences, with `about`) */
const LEAD_PARAGRAPHS = 2;

interface Features {
  id: number;
  text: string;
  centrality: number;
  position: number;
  /** salience of each named entity the sentence mentions */
  entities: Map<Entity, number>;
  /** which of who / where / when the sentence answers */
  w: { who: boolean; where: boolean; when: boolean };
}

/** Stories are immutable once ingested; a library keeps each one, so its features are worked out once. */
const cache = new WeakMap<Story, { all: Features[]; graph: SentenceGraph }>();

function features(story: Story): { all: Features[]; graph: SentenceGraph } {
  let found = cache.get(story);
  if (!found) cache.set(story, (found = computeFeatures(story)));
  return found;
}

function computeFeatures(story: Story): { all: Features[]; graph: SentenceGraph } {
  const graph = sentenceGraph(story.sentences);
  const centrality = textRank(graph);
  const total = story.entities.filter((e) => NAMED.has(e.type)).reduce((a, e) => a + e.mentions.length, 0) || 1;
  const lastParagraph = Math.max(1, story.paragraphs.length);
  const all = story.sentences.map((s, i): Features => ({
    id: s.id,
    text: s.text,
    centrality: centrality[i] ?? 0,
    position: 1 - (s.paragraph - 1) / lastParagraph,
    entities: new Map(),
    w: { who: false, where: false, when: false },
  }));
  for (const d of story.dates) {
    const f = all[d.sentence];
    if (f) f.w.when = true;
  }
  const glossed = new Set(story.dates.filter((d) => d.relative && d.iso).map((d) => d.sentence));
  for (const id of glossed) all[id]!.text = withResolvedDates(story, id);
  for (const e of story.entities) {
    if (!NAMED.has(e.type)) continue;
    for (const m of e.mentions) {
      const f = all[m.sentence];
      const tokens = story.sentences[m.sentence]?.tokens;
      if (!f || !tokens) continue;
      f.entities.set(e, e.mentions.length / total);
      if (e.type === "person") f.w.who = true;
      // a place is where something happened when a locative preposition governs it, not in "Pyongyang's media"
      const before = tokens[beforeArticle(tokens, m.start)];
      if (e.type === "place" && before && PLACE_PREPOSITIONS.has(before.text.toLowerCase())) f.w.where = true;
      // "the town of Ashford reopened …": the place the story happens in, named as such
      if (e.type === "place" && before?.text === "of" && PLACE_NOUNS.has(tokens[m.start - 2]?.text ?? "")) f.w.where = true;
    }
  }
  return { all, graph };
}

function baseScore(f: Features, maxEntities: number): number {
  const entities = [...f.entities.values()].reduce((a, b) => a + b, 0);
  return WEIGHTS.centrality * f.centrality + WEIGHTS.position * f.position + WEIGHTS.entities * (maxEntities > 0 ? entities / maxEntities : 0);
}

function wCount(w: Features["w"]): number {
  return Number(w.who) + Number(w.where) + Number(w.when);
}

/** The lead: the one sentence that best says who did what, where and when, and a second only if it adds a missing one. */
function pickShort(pool: Features[], base: Map<number, number>, paragraphOf: (f: Features) => number): Features[] {
  const leadParagraphs = [...new Set(pool.map(paragraphOf))].slice(0, LEAD_PARAGRAPHS);
  const lead = pool.filter((f) => leadParagraphs.includes(paragraphOf(f)));
  const fits = lead.filter((f) => f.text.length <= SHORT_MAX_CHARS);
  const candidates = fits.length ? fits : lead;
  const score = (f: Features) => base.get(f.id)! + WEIGHTS.w * wCount(f.w);
  const first = candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
  const missing = (f: Features) => (["who", "where", "when"] as const).some((k) => f.w[k] && !first.w[k]);
  const second = candidates
    .filter((f) => f !== first && missing(f) && first.text.length + 1 + f.text.length <= SHORT_MAX_CHARS)
    .sort((a, b) => score(b) - score(a))[0];
  return second ? [first, second] : [first];
}

/** Greedy maximal marginal relevance: good sentences that bring new names and repeat little. */
function pickMore(pool: Features[], base: Map<number, number>, graph: SentenceGraph, seed: Features[], limit: number): Features[] {
  const chosen = [...seed];
  const covered = new Set(seed.flatMap((f) => [...f.entities.keys()]));
  while (chosen.length < limit) {
    let best: Features | null = null;
    let bestScore = -Infinity;
    for (const f of pool) {
      if (chosen.includes(f)) continue;
      const redundancy = Math.max(0, ...chosen.map((c) => similarity(graph, c.id, f.id)));
      if (redundancy >= DUPLICATE_SIMILARITY || chosen.some((c) => c.text === f.text)) continue;
      const novelty = [...f.entities].filter(([e]) => !covered.has(e)).reduce((a, [, s]) => a + s, 0);
      const score = base.get(f.id)! + WEIGHTS.novelty * Math.sqrt(novelty) - REDUNDANCY_PENALTY * redundancy;
      if (score > bestScore) {
        best = f;
        bestScore = score;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const e of best.entities.keys()) covered.add(e);
  }
  return chosen;
}

export interface SummaryOptions {
  length?: SummaryLength;
  /** a person, place or topic to focus on */
  about?: string | null;
}

/** Throws UnknownTopicError (with the closest names) when `about` names nothing in the story. */
export function summarize(story: Story, options: SummaryOptions = {}): Summary {
  const length = options.length ?? "short";
  const about = options.about?.trim() || null;
  const { all, graph } = features(story);
  let pool = all;
  let label: string | null = null;
  if (about) {
    const topic = resolveTopic(story, about);
    if (topic.kind === "unknown") throw unknownTopic(story, about);
    const focus = new Set(topic.sentences);
    pool = all.filter((f) => focus.has(f.id));
    label = topic.label;
  }
  const maxEntities = Math.max(0, ...pool.map((f) => [...f.entities.values()].reduce((a, b) => a + b, 0)));
  const base = new Map(pool.map((f) => [f.id, baseScore(f, maxEntities)]));
  let chosen: Features[] = [];
  if (pool.length > 0) {
    const lead = pickShort(pool, base, (f) => story.sentences[f.id]!.paragraph);
    chosen = length === "short" ? lead : pickMore(pool, base, graph, lead.slice(0, 1), MAX_SENTENCES[length]);
  }
  return {
    story: story.id,
    length,
    about: label,
    sentences: chosen
      .sort((a, b) => a.id - b.id)
      .map((f) => ({ text: f.text, paragraph: story.sentences[f.id]!.paragraph, sentence: f.id })),
  };
}
