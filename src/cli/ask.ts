/** `storybot ask`: one question (/ask on the command line), or a JSONL batch on stdin for scripts and evaluation. */
import { createInterface } from "node:readline";
import type { Command as Program } from "commander";
import { ask } from "../../commands/ask.js";
import { runCommand, type Face } from "../../commands/pipeline.js";
import { parseMinConfidence, type Answer } from "../engine/index.js";
import { registerCommand, stderrLog } from "./command-line.js";
import { storiesFor } from "./load-stories.js";

/** A batch line's answer carries the engine's fields only, the shape the evaluation scorer reads. */
const answerFields = ({ question, answer, kind, confidence, evidence, paragraph, story }: Answer) => ({ question, answer, kind, confidence, evidence, paragraph, story });

/** A line of the batch: a plain question, or {"question", "story"}. */
function parseLine(line: string, defaultStory: string | undefined): { question: string; story: string | undefined } | { error: string } {
  if (!line.trimStart().startsWith("{")) return { question: line, story: defaultStory };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: "malformed JSON line" };
  }
  if (typeof parsed !== "object" || parsed === null) return { error: "expected a JSON object" };
  const obj = parsed as Record<string, unknown>;
  // anything but text is no question: asked as empty, it gets the same message as a blank line
  return { question: typeof obj.question === "string" ? obj.question : "", story: obj.story !== undefined ? String(obj.story) : defaultStory };
}

async function answerLine(line: string, defaultStory: string | undefined): Promise<object> {
  const parsed = parseLine(line, defaultStory);
  if ("error" in parsed) return parsed;
  let out: object = { error: "no answer" };
  const face: Face = {
    user: { id: "cli", name: "cli" },
    guild: null,
    channel: null,
    async send(_reply, outcome) {
      if (outcome.kind === "result") out = answerFields(outcome.result as Answer);
      else if (outcome.kind === "user-error") out = { error: outcome.message };
    },
  };
  try {
    const { stories, ref } = await storiesFor(parsed.story);
    await runCommand(ask, ref === undefined ? { question: parsed.question } : { question: parsed.question, story: ref }, face, { stories, log: stderrLog });
  } catch (err) {
    out = { error: (err as Error).message };
  }
  return out;
}

async function batch(story: string | undefined): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(JSON.stringify(await answerLine(line, story)) + "\n");
}

export function registerAsk(program: Program): void {
  registerCommand(program, ask, async (_raw, flags) => {
    // the engine reads the setting when it answers: the flag is the setting, for this run
    const minConfidence = parseMinConfidence(typeof flags.minConfidence === "string" ? flags.minConfidence : undefined, "--min-confidence");
    if (minConfidence !== undefined) process.env.STORYBOT_MIN_CONFIDENCE = String(minConfidence);
    if (!flags.jsonl) return false;
    await batch(typeof flags.story === "string" ? flags.story : undefined);
    return true;
  })
    .option("--jsonl", 'batch: one question a line on stdin (text or {"question","story"}), one JSON answer a line on stdout')
    .option("--min-confidence <p>", "answer only when at least this sure, 0 to 1 (0 always answers; default STORYBOT_MIN_CONFIDENCE, else the model's threshold)");
}
