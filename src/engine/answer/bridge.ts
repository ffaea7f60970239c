/**
 * "Which agency is the North's mouthpiece?" of "… according to the North's mouthpiece": the evidence
 * speaks of it by a description, so the answer is the nearest earlier name whose head is the
 * asked-for noun ("Korean Central News Agency"), cited where that name stands.
 */
import type { PoolCandidate } from "./pool.js";
import type { ParsedQuestion } from "./question.js";
import type { Sentence, Story } from "../types.js";

export function bridge(q: ParsedQuestion, story: Story, top: PoolCandidate, sentence: Sentence): { name: string; sentence: Sentence } | null {
  // only a description stands for a name: a name, a date or a number answers for itself
  if (!q.answerNoun || q.kind === "how" || top.type !== "phrase" || sentence.tokens[top.end - 1]?.lemma === q.answerNoun) return null;
  let found: { name: string; sentence: Sentence } | null = null;
  for (const e of story.entities) {
    if (e.name.split(/\s+/).pop()?.toLowerCase() !== q.answerNoun || q.named.has(e.name)) continue;
    for (const m of e.mentions) {
      if (m.sentence > sentence.id || (found && m.sentence <= found.sentence.id)) continue;
      found = { name: e.name, sentence: story.sentences[m.sentence]! };
    }
  }
  return found;
}
