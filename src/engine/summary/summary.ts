/**
 * Extractive summaries: whole sentences of the article, in story order, each with its ¶.
 *
 * A news article's own lead is the baseline to beat, so every length starts from it: the short
 * summary is the lead (the first paragraph's first sentence, and its second when it fits and adds
 * to it), and longer ones add, by maximal marginal relevance, the sentences that score best on
 * position (news puts the main event first), centrality (TextRank) and the named people, places
 * and organisations they bring, each pick penalised for repeating what is chosen. The main event's
 * toll or outcome comes next when the lead lacks one. A sentence whose subject is a pronoun comes
 * only with the sentence naming its referent.
 *
 * Only the first MAX_CANDIDATES sentences (of the story, or of what `about` focuses on) are
 * candidates, which bounds the similarity graph whatever the story's size.
 */
import { PLACE_NOUNS, PLACE_PREPOSITIONS } from "../language/lexicon.js";
import { sentenceGraph, similarity, textRank, type SentenceGraph } from "./centrality.js";
import { withResolvedDates } from "../language/resolved-dates.js";
import { antecedentOf, isOutcome, pronounSubject } from "./reference.js";
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
/** a lead sentence shorter than this leaves room for the next one */
const SHORT_LEAD_CHARS = 160;
/**
 * The sentences a summary may choose from: the first of the story (or of the focused ones).
 * A summary of ten sentences never reaches this far down a news story, and it keeps the
 * similarity graph at most this many nodes on a story of any size.
 */
export const MAX_CANDIDATES = 300;
const MAX_SENTENCES: Record<SummaryLength, number> = { short: 2, medium: 5, long: 10 };
const NAMED = new Set<Entity["type"]>(["person", "place", "organisation"]);
/** sentences this similar to one already chosen say the same thing again */
const DUPLICATE_SIMILARITY = 0.8;
const REDUNDANCY_PENALTY = 0.5;
const WEIGHTS = { centrality: 0.35, position: 0.4, entities: 0.25, novelty: 0.3 };
/** position falls off by sentence: 1, 0.8, 0.67, 0.57 … for the 1st, 2nd, 3rd, 4th candidate */
const POSITION_HALF_LIFE = 4;

interface Features {
  id: number;
  /** index among the candidates (and in the graph) */
  node: number;
  text: string;
  centrality: number;
  position: number;
  /** salience of each named entity the sentence mentions */
  entities: Map<Entity, number>;
  /** which of who / where / when the sentence answers */
  w: { who: boolean; where: boolean; when: boolean };
}

interface Candidates {
  all: Features[];
  graph: SentenceGraph;
}

/** Stories are immutable once ingested; a library keeps each one, so candidates are worked out once per focus. */
const cache = new WeakMap<Story, Map<string, Candidates>>();
/** focuses remembered per story: `about` is typed freely */
const FOCUSES_KEPT = 16;

function candidatesOf(story: Story, ids: number[], key: string): Candidates {
  let perStory = cache.get(story);
  if (!perStory) cache.set(story, (perStory = new Map()));
  let found = perStory.get(key);
  if (!found) {
    found = computeFeatures(story, ids.slice(0, MAX_CANDIDATES));
    if (perStory.size >= FOCUSES_KEPT) perStory.delete(perStory.keys().next().value!);
    perStory.set(key, found);
  }
  return found;
}

function computeFeatures(story: Story, ids: number[]): Candidates {
  const sentences = ids.map((id) => story.sentences[id]!);
  const graph = sentenceGraph(sentences);
  const centrality = textRank(graph);
  const total = story.entities.filter((e) => NAMED.has(e.type)).reduce((a, e) => a + e.mentions.length, 0) || 1;
  const all = sentences.map((s, i): Features => ({
    id: s.id,
    node: i,
    text: s.text,
    centrality: centrality[i] ?? 0,
    position: 1 / (1 + i / POSITION_HALF_LIFE),
    entities: new Map(),
    w: { who: false, where: false, when: false },
  }));
  const byId = new Map(all.map((f) => [f.id, f]));
  for (const d of story.dates) {
    const f = byId.get(d.sentence);
    if (f) f.w.when = true;
  }
  const glossed = new Set(story.dates.filter((d) => d.relative && d.iso && byId.has(d.sentence)).map((d) => d.sentence));
  for (const id of glossed) byId.get(id)!.text = withResolvedDates(story, id);
  for (const e of story.entities) {
    if (!NAMED.has(e.type)) continue;
    for (const m of e.mentions) {
      const f = byId.get(m.sentence);
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

/**
 * The lead: the first sentence of the first paragraph, and the paragraph's second sentence when
 * both fit in SHORT_MAX_CHARS and the first is short or lacks a who, where or when the second has.
 */
function pickLead(pool: Features[], paragraphOf: (f: Features) => number): Features[] {
  const first = pool[0]!;
  const second = pool[1];
  if (!second || paragraphOf(second) !== paragraphOf(first) || first.text.length + 1 + second.text.length > SHORT_MAX_CHARS) return [first];
  const adds = (["who", "where", "when"] as const).some((k) => second.w[k] && !first.w[k]);
  return first.text.length < SHORT_LEAD_CHARS || adds ? [first, second] : [first];
}

interface Choice {
  chosen: Features[];
  covered: Set<Entity>;
}

/**
 * `f` with what it needs to be understood: the sentence naming its pronoun subject's referent,
 * when that is not chosen yet; null when the referent is nowhere near among the candidates.
 */
function withAntecedent(story: Story, f: Features, byId: Map<number, Features>, choice: Choice): Features[] | null {
  if (pronounSubject(story.sentences[f.id]!) === null) return [f];
  const j = antecedentOf(story, f.id);
  if (j === null) return null;
  if (choice.chosen.some((c) => c.id === j)) return [f];
  const a = byId.get(j);
  return a ? [a, f] : null;
}

function take(choice: Choice, picks: Features[]): void {
  for (const f of picks) {
    if (choice.chosen.includes(f)) continue;
    choice.chosen.push(f);
    for (const e of f.entities.keys()) choice.covered.add(e);
  }
}

/** Greedy maximal marginal relevance: good sentences that bring new names and repeat little. */
function pickMore(story: Story, pool: Features[], base: Map<number, number>, graph: SentenceGraph, seed: Features[], limit: number): Features[] {
  const choice: Choice = { chosen: [], covered: new Set() };
  take(choice, seed);
  const byId = new Map(pool.map((f) => [f.id, f]));
  const redundancy = (f: Features) => Math.max(0, ...choice.chosen.map((c) => similarity(graph, c.node, f.node)));
  const usable = (f: Features) => !choice.chosen.includes(f) && redundancy(f) < DUPLICATE_SIMILARITY && !choice.chosen.some((c) => c.text === f.text);
  const fits = (picks: Features[]) => choice.chosen.length + picks.filter((p) => !choice.chosen.includes(p)).length <= limit;
  // the toll or outcome of the main event, when the lead does not give it
  if (!choice.chosen.some((f) => isOutcome(story.sentences[f.id]!))) {
    const outcome = pool.filter((f) => usable(f) && isOutcome(story.sentences[f.id]!)).sort((a, b) => base.get(b.id)! - base.get(a.id)!)[0];
    const picks = outcome && withAntecedent(story, outcome, byId, choice);
    if (picks && fits(picks)) take(choice, picks);
  }
  while (choice.chosen.length < limit) {
    let best: Features[] | null = null;
    let bestScore = -Infinity;
    for (const f of pool) {
      if (!usable(f)) continue;
      const picks = withAntecedent(story, f, byId, choice);
      if (!picks || !fits(picks)) continue;
      const novelty = [...f.entities].filter(([e]) => !choice.covered.has(e)).reduce((a, [, s]) => a + s, 0);
      const score = base.get(f.id)! + WEIGHTS.novelty * Math.sqrt(novelty) - REDUNDANCY_PENALTY * redundancy(f);
      if (score > bestScore) {
        best = picks;
        bestScore = score;
      }
    }
    if (!best) break;
    take(choice, best);
  }
  return choice.chosen;
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
  let ids = story.sentences.map((s) => s.id);
  let label: string | null = null;
  if (about) {
    const topic = resolveTopic(story, about);
    if (topic.kind === "unknown") throw unknownTopic(story, about);
    ids = topic.sentences;
    label = topic.label;
  }
  const { all: pool, graph } = candidatesOf(story, ids, label ?? "");
  const maxEntities = Math.max(0, ...pool.map((f) => [...f.entities.values()].reduce((a, b) => a + b, 0)));
  const base = new Map(pool.map((f) => [f.id, baseScore(f, maxEntities)]));
  let chosen: Features[] = [];
  if (pool.length > 0) {
    const lead = pickLead(pool, (f) => story.sentences[f.id]!.paragraph);
    chosen = length === "short" ? lead : pickMore(story, pool, base, graph, lead, MAX_SENTENCES[length]);
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
