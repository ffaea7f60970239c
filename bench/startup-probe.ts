/**
 * Where the cold start of `storybot ask` goes, step by step, in a fresh process: Node's own
 * start, each group of modules the CLI loads, opening the (cached) story library, the first
 * answer (which starts wink-nlp's model and builds the story's index), and a second answer.
 * Everything is imported dynamically here so that each step is timed on its own.
 * Prints one JSON object: { steps: [{ step, ms }], peakRssMb } (peak RSS after the second answer).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const steps: { step: string; ms: number }[] = [{ step: "node start-up (to the first line of the script)", ms: performance.now() }];
async function time<T>(step: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const out = await fn();
  steps.push({ step, ms: Math.round((performance.now() - start) * 10) / 10 });
  return out;
}

const question = process.argv[2] ?? "Who visited the cemetery?";
const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
const binFile = fileURLToPath(new URL(`../bin/storybot.${ext}`, import.meta.url));
// the subcommand modules the real bin imports statically, in its order
const binImports = [...readFileSync(binFile, "utf8").matchAll(/^import\s+(?!type\b).*?from\s+["'](\.\.\/src\/cli\/[^"']+)["']/gm)].map((m) => m[1]!);

steps[0]!.ms = Math.round(steps[0]!.ms * 10) / 10;
await time("import commander", () => import("commander"));
await time("import wink-nlp and its English model's loader", async () => Promise.all([import("wink-nlp"), import("../src/engine/language/wink-model.js")]));
await time("import the ask path (engine answer, router, library; fuse.js)", () => import("../src/cli/ask.js"));
await time(`import the bin's other subcommands (${binImports.filter((s) => !s.endsWith("/ask.js")).length})`, async () => {
  for (const spec of binImports) if (!spec.endsWith("/ask.js")) await import(new URL(spec, new URL(`../bin/`, import.meta.url)).href);
});
const { storiesFor } = await import("../src/cli/load-stories.js");
const { answer } = await import("../src/engine/answer/answer.js");
const { stories } = await time("open the story library (cached)", () => storiesFor(undefined));
if (stories.library.size !== 1) throw new Error("the startup probe needs a single default story");
const story = stories.pick(null);
// text output loads the renderer while the stories load, before answering (src/cli/ask.ts)
await time("text output only: import the renderer (src/render/answer.js)", () => import("../src/render/answer.js"));
await time("first answer (starts wink's model, builds the story's index)", () => answer(question, story));
await time("second answer", () => answer(question, story));
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
process.stdout.write(JSON.stringify({ steps, peakRssMb }) + "\n");
