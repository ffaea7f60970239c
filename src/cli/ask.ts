/** `storybot ask`: one question, or a JSONL batch on stdin for scripts and evaluation. */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { answer, type Answer } from "../engine/index.js";
import { answerToText } from "../render/answer.js";
import { resolveStory, UsageError } from "./resolve-story.js";

function validQuestion(q: unknown): string {
  if (typeof q !== "string" || !q.trim()) throw new UsageError("the question is empty");
  return q.trim();
}

/** One line of the batch: a plain question, or {"question", "story"}. */
function answerLine(line: string, defaultStory: string | undefined): Answer | { error: string } {
  try {
    let question: unknown = line;
    let story = defaultStory;
    if (line.trimStart().startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return { error: "malformed JSON line" };
      }
      if (typeof parsed !== "object" || parsed === null) return { error: "expected a JSON object" };
      const obj = parsed as Record<string, unknown>;
      question = obj.question;
      if (obj.story !== undefined) story = String(obj.story);
    }
    return answer(validQuestion(question), resolveStory(story));
  } catch (err) {
    return { error: (err as Error).message };
  }
}

async function batch(story: string | undefined): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(JSON.stringify(answerLine(line, story)) + "\n");
  }
}

export function registerAsk(program: Command): void {
  program
    .command("ask")
    .description("answer a question about a story")
    .argument("[question...]", "the question")
    .option("--story <id|path>", "story id from data/stories, or a path to an article file")
    .option("--json", "print the answer as JSON")
    .option("--jsonl", "batch: one question a line on stdin (text or {\"question\",\"story\"}), one JSON answer a line on stdout")
    .action(async (words: string[], opts: { story?: string; json?: boolean; jsonl?: boolean }) => {
      if (opts.jsonl) return batch(opts.story);
      const story = resolveStory(opts.story);
      const a = answer(validQuestion(words.join(" ")), story);
      process.stdout.write((opts.json ? JSON.stringify(a, null, 2) : answerToText(a, story)) + "\n");
    });
}
