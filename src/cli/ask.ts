/** `storybot ask`: one question, or a JSONL batch on stdin for scripts and evaluation. */
import { createInterface } from "node:readline";
import type { Command } from "commander";
// engine modules one by one, not the facade: see resolve-story.ts
import { answer, answerAcross, type Answer, type StoryMeta } from "../engine/index.js";
import { resolveTarget, UsageError, type Target } from "./resolve-story.js";

function validQuestion(q: unknown): string {
  if (typeof q !== "string" || !q.trim()) throw new UsageError("the question is empty");
  return q.trim();
}

/** The answer, and the story it comes from (for a library, the one the question was routed to). */
function ask(question: string, target: Target): { answer: Answer; story: StoryMeta } {
  if (target.story) return { answer: answer(question, target.story), story: target.story };
  const a = answerAcross(question, target.library);
  return { answer: a, story: target.library.card(a.story)! };
}

/** One line of the batch: a plain question, or {"question", "story"}. */
async function answerLine(line: string, defaultStory: string | undefined): Promise<Answer | { error: string }> {
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
    return ask(validQuestion(question), await resolveTarget(story)).answer;
  } catch (err) {
    return { error: (err as Error).message };
  }
}

async function batch(story: string | undefined): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(JSON.stringify(await answerLine(line, story)) + "\n");
  }
}

export function registerAsk(program: Command): void {
  program
    .command("ask")
    .description("answer a question about a story")
    .argument("[question...]", "the question")
    .option("--story <id|path|dir|all>", "a story id from data/stories, a path to an article or a directory of articles, or \"all\" (the default with several stories): the question goes to the story that answers it best")
    .option("--json", "print the answer as JSON")
    .option("--jsonl", "batch: one question a line on stdin (text or {\"question\",\"story\"}), one JSON answer a line on stdout")
    .action(async (words: string[], opts: { story?: string; json?: boolean; jsonl?: boolean }) => {
      if (opts.jsonl) return batch(opts.story);
      const question = validQuestion(words.join(" "));
      // the renderer is loaded only for text (--json output, for scripts, never needs it), and
      // while the stories load: awaited after the answer, it gave the garbage collector an idle
      // moment to finish a full collection before the answer was printed
      const renderer = opts.json ? null : import("../render/answer.js");
      const target = await resolveTarget(opts.story);
      const { answerToText } = renderer ? await renderer : { answerToText: null };
      const { answer: a, story } = ask(question, target);
      if (!answerToText) return void process.stdout.write(JSON.stringify(a, null, 2) + "\n");
      process.stdout.write(answerToText(a, story) + "\n");
    });
}
