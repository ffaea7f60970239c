/**
 * Burst benchmark (`npm run bench:burst`): the bot as a real `storybot start` process against the
 * loopback Discord emulator (this process), fed bursts of mixed interactions from distinct users.
 * Reports throughput and callback latency: from the moment the emulator sends INTERACTION_CREATE to
 * the moment the bot's first response (reply, deferral or choices) reaches the emulator, the figure
 * Discord's 3-second window is about. The figures go in docs/reliability.md; tests assert counts only.
 *
 *   npm run bench:burst              # the two scenarios below, 1,000 interactions each
 *   npm run bench:burst -- --json    # the same as JSON
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { dispatchBurst, outcomeOf } from "../test/emulator/burst.js";
import { DiscordEmulator, INTERACTION_DEADLINE_MS } from "../test/emulator/emulator.js";
import { startStorybot } from "../test/helpers/storybot-process.js";
import { percentile, round } from "./stats.js";

interface Scenario {
  name: string;
  count: number;
  pace: { perTick: number; tickMs: number };
}

const SCENARIOS: Scenario[] = [
  { name: "1,000 in 10 s (10 every 100 ms)", count: 1000, pace: { perTick: 10, tickMs: 100 } },
  { name: "1,000 at once", count: 1000, pace: { perTick: 1000, tickMs: 0 } },
  // around and past what one process answers within the window on a small machine: where the knee is
  { name: "3,000 at once", count: 3000, pace: { perTick: 3000, tickMs: 0 } },
  { name: "6,000 at once", count: 6000, pace: { perTick: 6000, tickMs: 0 } },
];
/** first interactions warm the process up (JIT, the engine's per-story caches) and are not counted */
const WARM_UP = 50;

interface Result {
  scenario: string;
  answered: string;
  answeredPerSecond: number;
  callbackMs: { p50: number; p90: number; p99: number; max: number };
  answerP99Ms: number;
  deferred: number;
  overWindow: number;
}

async function measure(emulator: DiscordEmulator, s: Scenario): Promise<Result> {
  const ids = await dispatchBurst(emulator, s.count, s.pace);
  await emulator.interactions.waitUntilCompleted(ids, 120_000);
  const outcome = outcomeOf(emulator, ids);
  const records = ids.map((id) => emulator.interactions.get(id)!);
  const callback = records.map((r) => r.acknowledgedAt! - r.createdAt);
  const answer = records.map((r) => r.completedAt! - r.createdAt);
  const first = Math.min(...records.map((r) => r.createdAt));
  const last = Math.max(...records.map((r) => r.completedAt!));
  const ms = (n: number) => round(n, 1);
  return {
    scenario: s.name,
    answered: `${outcome.answeredOnce}/${outcome.dispatched}`,
    answeredPerSecond: Math.round(outcome.answeredOnce / ((last - first) / 1000)),
    callbackMs: { p50: ms(percentile(callback, 50)), p90: ms(percentile(callback, 90)), p99: ms(percentile(callback, 99)), max: ms(Math.max(...callback)) },
    answerP99Ms: ms(percentile(answer, 99)),
    deferred: records.filter((r) => r.acknowledgedWith === 5).length,
    overWindow: callback.filter((c) => c > INTERACTION_DEADLINE_MS).length,
  };
}

function table(results: Result[]): string {
  const rows = results.map((r) => `| ${r.scenario} | ${r.answered} | ${r.answeredPerSecond} | ${r.callbackMs.p50} | ${r.callbackMs.p90} | ${r.callbackMs.p99} | ${r.callbackMs.max} | ${r.answerP99Ms} | ${r.deferred} | ${r.overWindow} |`);
  return ["| burst | answered once | answers/s | callback p50 ms | p90 | p99 | max | answer p99 ms | deferred | over 3 s |", "|---|---|---|---|---|---|---|---|---|---|", ...rows].join("\n");
}

async function main(): Promise<void> {
  const emulator = await DiscordEmulator.start();
  const cwd = mkdtempSync(join(tmpdir(), "storybot-burst-"));
  const bot = startStorybot({ cwd, env: { DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl } });
  try {
    await bot.printed(/"msg":"ready"/);
    await emulator.interactions.waitUntilCompleted(await dispatchBurst(emulator, WARM_UP, { perTick: 10, tickMs: 20 }));
    const results: Result[] = [];
    for (const s of SCENARIOS) results.push(await measure(emulator, s));
    const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "?", loadAverage: round(loadavg()[0] ?? 0, 2), date: new Date().toISOString().slice(0, 10) };
    if (process.argv.includes("--json")) console.log(JSON.stringify({ machine, results }, null, 2));
    else console.log(`${table(results)}\n\nnode ${machine.node}, ${machine.cpus} × ${machine.cpu}, load ${machine.loadAverage}, ${machine.date}; bot and emulator are separate processes on this machine`);
  } finally {
    bot.child.kill("SIGTERM");
    await bot.exit;
    await emulator.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

await main();
