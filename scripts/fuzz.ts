/**
 * `npm run fuzz [-- --runs N --seed S]`: the property tests' checks over many more inputs (100,000
 * by default), counting every failure instead of stopping at the first, and timing each input.
 * Inputs come from test/props/hostile-text.ts; each goes to one target in turn: the engine's answer,
 * summary and profile, and the command handlers through Discord's option resolver, text options
 * and mentions. A failure is a throw, a slipped handler error, not exactly one reply, or a Discord
 * message over the limits or able to ping. Timing covers the work the bot does for the input (the
 * handler and rendering the Discord message), not the checks. Exit status 1 if anything failed.
 */
import fc from "fast-check";
import { percentile } from "../bench/stats.js";
import { commands } from "../commands/index.js";
import { mentionQuestion } from "../src/discord/mentions.js";
import { answer, findEntity, profileOf, summarize, SUMMARY_LENGTHS, UnknownTopicError } from "../src/engine/index.js";
import { answerReply } from "../src/render/answer.js";
import { toDiscordMessage } from "../src/render/discord-message.js";
import { profileReply } from "../src/render/profile.js";
import type { Reply } from "../src/render/reply.js";
import { summaryReply } from "../src/render/summary.js";
import { messageProblems } from "../test/props/discord-payload.js";
import { commandInput, loadTestStories, runCommand } from "../test/props/drive-commands.js";
import { hostileText } from "../test/props/hostile-text.js";

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

const RUNS = flag("runs", 100_000);
const SEED = flag("seed", 6);
const BATCH = 1000;
const EXAMPLES_PER_PROBLEM = 3;

const stories = await loadTestStories();
const ids = stories.library.ids();
const all = stories.library.list();
const ask = commands.find((c) => c.name === "ask")!;
const BOT_ID = "123456789012345001";

/** What one input produced: the replies to check, and anything that went wrong on the way. */
interface Outcome {
  replies: Reply[];
  errors: string[];
}

const ok = (...replies: Reply[]): Outcome => ({ replies, errors: [] });

interface Target {
  name: string;
  /** an input for this target, from the seed's stream */
  input: fc.Arbitrary<unknown>;
  run(input: any): Promise<Outcome> | Outcome;
}

const storyIndex = fc.nat(all.length - 1);

const targets: Target[] = [
  {
    name: "engine answer()",
    input: fc.tuple(hostileText, storyIndex),
    run: ([q, i]: [string, number]) => ok(answerReply(answer(q, all[i]!), all[i]!)),
  },
  {
    name: "engine summarize(about)",
    input: fc.tuple(hostileText, storyIndex, fc.constantFrom(...SUMMARY_LENGTHS)),
    run: ([about, i, length]: [string, number, (typeof SUMMARY_LENGTHS)[number]]) => {
      try {
        return ok(summaryReply(summarize(all[i]!, { length, about }), all[i]!));
      } catch (err) {
        if (err instanceof UnknownTopicError) return ok();
        throw err;
      }
    },
  },
  {
    name: "engine findEntity() + profile",
    input: fc.tuple(hostileText, storyIndex),
    run: ([name, i]: [string, number]) => {
      const entity = findEntity(all[i]!, name);
      return entity ? ok(profileReply(profileOf(all[i]!, entity), all[i]!)) : ok();
    },
  },
  ...(["discord", "text"] as const).map(
    (via): Target => ({
      name: `commands via ${via === "discord" ? "Discord options" : "text options"}`,
      input: commandInput(via, ids),
      async run({ command, values }) {
        const run = await runCommand(command, values, via, stories);
        const errors = run.slips.map((s: any) => `handler error: ${s.err?.message ?? s.msg}`);
        if (run.replies.length !== 1) errors.push(`${run.replies.length} replies`);
        return { replies: run.replies, errors };
      },
    }),
  ),
  {
    name: "mentions",
    input: hostileText,
    async run(text: string) {
      const question = mentionQuestion(`<@${BOT_ID}> ${text}`, BOT_ID);
      // an empty mention is answered with a hint by the mention adapter, before any command runs
      if (!question) return ok();
      const run = await runCommand(ask, { question }, "text", stories);
      return { replies: run.replies, errors: run.slips.map((s: any) => `handler error: ${s.err?.message ?? s.msg}`) };
    },
  },
];

interface Tally {
  times: number[];
  failures: number;
}

const tallies = new Map(targets.map((t) => [t.name, { times: [], failures: 0 } as Tally]));
/** problem (numbers blurred, so that one kind counts once) → inputs that showed it */
const problems = new Map<string, { count: number; examples: string[] }>();

function record(target: Target, input: unknown, found: string[]): void {
  if (!found.length) return;
  tallies.get(target.name)!.failures++;
  for (const p of new Set(found)) {
    const key = `${target.name}: ${p.replace(/\d+/g, "N")}`;
    const entry = problems.get(key) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < EXAMPLES_PER_PROBLEM) entry.examples.push(JSON.stringify(input).slice(0, 300));
    problems.set(key, entry);
  }
}

async function fuzzOne(target: Target, input: unknown): Promise<void> {
  const started = performance.now();
  let outcome: Outcome;
  let messages;
  try {
    outcome = await target.run(input);
    messages = outcome.replies.map(toDiscordMessage);
  } catch (err) {
    tallies.get(target.name)!.times.push(performance.now() - started);
    return record(target, input, [`threw ${(err as Error).name}: ${(err as Error).message}`]);
  }
  tallies.get(target.name)!.times.push(performance.now() - started);
  record(target, input, [...outcome.errors, ...messages.flatMap(messageProblems)]);
}

const began = performance.now();
for (let done = 0, batch = 0; done < RUNS; batch++) {
  const target = targets[batch % targets.length]!;
  const size = Math.min(BATCH, RUNS - done);
  for (const input of fc.sample(target.input, { numRuns: size, seed: SEED + batch })) await fuzzOne(target, input);
  done += size;
  if (process.stderr.isTTY) process.stderr.write(`\r${done}/${RUNS} inputs`);
}
if (process.stderr.isTTY) process.stderr.write("\n");

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const rows = [...tallies].map(([name, t]) => [name, String(t.times.length), String(t.failures), ms(percentile(t.times, 50)), ms(percentile(t.times, 99)), ms(Math.max(...t.times))]);
const everything = [...tallies.values()].flatMap((t) => t.times);
const failures = [...tallies.values()].reduce((n, t) => n + t.failures, 0);
rows.push(["all", String(everything.length), String(failures), ms(percentile(everything, 50)), ms(percentile(everything, 99)), ms(Math.max(...everything))]);

console.log(`fuzz: ${RUNS} inputs, seed ${SEED}, ${((performance.now() - began) / 1000).toFixed(0)} s, Node ${process.version}\n`);
console.log("| target | inputs | failures | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
if (problems.size) {
  console.log("\nproblems:");
  for (const [key, { count, examples }] of problems) console.log(`- ${key} (${count}×)\n${examples.map((e) => `    ${e}`).join("\n")}`);
}
process.exitCode = failures ? 1 : 0;
