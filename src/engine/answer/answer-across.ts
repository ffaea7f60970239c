/**
 * One question, many stories: the router shortlists the stories whose words match the question,
 * answer() runs on each, and the best supported answer wins. Its `story` field says which story
 * answered.
 *
 * A story whose best sentence for the question is the one the best answer so far came from (the
 * same wire story in two papers, a paragraph quoted in another story) is not asked: it would answer
 * from that sentence again. Libraries of real articles hold such copies, and asking each was most
 * of what a question across them cost.
 */
import { answer, type AnswerOptions } from "./answer.js";
import { indexOf } from "../index/search-index.js";
import { questionStems, StoryRouter, type RoutedStory } from "../index/router.js";
import type { Answer, Story } from "../types.js";

/** How many shortlisted stories answer() may try; the first is usually right, the others catch near-ties. */
export const ROUTED_STORIES = 3;
/**
 * Once a story has answered, the next one is tried only if its router score is this close to the
 * best: a clearly weaker match rarely answers better, and each try parses, indexes and answers.
 */
export const NEAR_TIE = 0.8;

/** What answerAcross needs of a collection of stories; StoryLibrary is one. */
export interface StorySource {
  route(question: string, limit: number): RoutedStory[];
  get(id: string): Story | undefined;
  ids(): string[];
}

const arraySources = new WeakMap<readonly Story[], StorySource>();

/** A plain array of stories gets a router built in memory, once per array. */
function sourceOf(stories: readonly Story[]): StorySource {
  let source = arraySources.get(stories);
  if (!source) {
    const router = StoryRouter.empty();
    const byId = new Map<string, Story>();
    for (const s of stories) {
      router.put(s);
      byId.set(s.id, s);
    }
    source = { route: (q, limit) => router.route(q, limit), get: (id) => byId.get(id), ids: () => [...byId.keys()] };
    arraySources.set(stories, source);
  }
  return source;
}

/** An answer beats an abstention; between two of a kind, the one more likely right wins (confidence is a calibrated probability). */
function better(a: Answer, b: Answer): boolean {
  if ((a.answer === null) !== (b.answer === null)) return a.answer !== null;
  return a.confidence > b.confidence;
}

/**
 * The text of the story's sentence that best matches the question's words, as the router reads
 * them: a look that needs the story's passage index only, not the question read against the story.
 */
function bestSentence(question: string, story: Story): string | undefined {
  const hit = indexOf(story).rank(questionStems(question), 1)[0];
  return hit ? story.sentences[hit.sentence]?.text : undefined;
}

export function answerAcross(question: string, stories: StorySource | readonly Story[], limit = ROUTED_STORIES, options: AnswerOptions = {}): Answer {
  const source = Array.isArray(stories) ? sourceOf(stories) : (stories as StorySource);
  const routed = source.route(question, limit);
  // no word of the question occurs anywhere: any story gives the honest "doesn't say"
  const shortlist = routed.length ? routed : source.ids().slice(0, 1).map((id) => ({ id, score: 0 }));
  const top = shortlist[0]?.score ?? 0;
  let best: Answer | null = null;
  for (const { id, score } of shortlist) {
    if (best && best.answer !== null && score < NEAR_TIE * top) break;
    const story = source.get(id);
    if (!story) continue;
    if (best && best.evidence && bestSentence(question, story) === best.evidence) continue;
    const a = answer(question, story, options);
    if (!best || better(a, best)) best = a;
  }
  if (!best) throw new Error("there are no stories to answer from");
  return best;
}
