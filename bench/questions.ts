/** The project's own question sets (test/questions/*.jsonl), as the benchmark reads them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface BenchQuestion {
  question: string;
  kind: string;
  /** acceptable answers (any one, as a phrase), or null when the story does not say */
  answers: string[] | null;
  paragraph: number | null;
  /** the story it is about; absent for the default story's set */
  story?: string;
}

export const DEFAULT_STORY_QUESTIONS = "test/questions/default-story.jsonl";
export const FIXTURE_QUESTIONS = "test/questions/scale-fixtures.jsonl";

export function readQuestions(root: string, file: string): BenchQuestion[] {
  return readFileSync(join(root, file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const q = JSON.parse(line) as BenchQuestion;
      if (typeof q.question !== "string" || !(q.answers === null || Array.isArray(q.answers))) throw new Error(`${file}:${i + 1}: expected {question, kind, answers, paragraph}`);
      return q;
    });
}

const norm = (s: string) => ` ${s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;

/** True when the answer contains one accepted phrase (case and punctuation aside), or both say "doesn't say". */
export function answerMatches(answer: string | null, accepted: string[] | null): boolean {
  if (accepted === null || answer === null) return accepted === answer;
  return accepted.some((phrase) => norm(answer).includes(norm(phrase)));
}
