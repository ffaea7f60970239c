/**
 * The scale figures as a script sees them: one `storybot ask --jsonl --story DIR` process answering
 * a batch of questions spread over a library of many stories whose ingest is cached, so that each
 * question reaches stories not yet in memory. Every run is a fresh process: wall time from spawn
 * to exit; CPU time and peak RSS of the child itself (written at its exit by a preloaded module,
 * rusage-at-exit.ts); and when each answer line arrived.
 *
 * Per answer is what one more answer costs a process that is already answering: runs of n
 * questions against runs of the first one alone, (T(n) - T(1)) / (n - 1), in CPU and in wall
 * time; and the time between the first answer line and the last over n - 1. The first answer
 * also pays for opening the library and starting wink's model, which is the start-up's share.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, round } from "./stats.js";

export interface CliBatchResult {
  stories: number;
  questions: number;
  runs: number;
  /** medians over the runs of all the questions */
  wallMs: number;
  cpuMs: number;
  /** the largest of the runs */
  peakRssMb: number;
  /** medians over the runs of the first question alone */
  oneQuestion: { wallMs: number; cpuMs: number };
  perAnswer: { wallMs: number; cpuMs: number; betweenLinesMs: number };
  /** answers that are not "the story doesn't say", of the batch */
  answered: number;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** spawn → each answer line */
  lineMs: number[];
  answered: number;
}

export interface CliBatchSetup {
  /** node and its flags, then the storybot script */
  command: string[];
  dir: string;
  stories: number;
  questions: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  runs: number;
  /** the module that reports the child's resource usage, as a file URL */
  preload: string;
}

function runOnce(setup: CliBatchSetup, questions: string[], scratch: string): Promise<Run> {
  const rusageFile = join(scratch, "rusage.json");
  rmSync(rusageFile, { force: true });
  const [node, ...rest] = setup.command;
  // after the loader flags (tsx, when run from source), before the script
  const args = [...rest.slice(0, -1), "--import", setup.preload, rest.at(-1)!, "ask", "--jsonl", "--story", setup.dir];
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(node!, args, { cwd: setup.cwd, env: { ...setup.env, STORYBOT_BENCH_RUSAGE: rusageFile }, stdio: ["pipe", "pipe", "pipe"] });
    const lineMs: number[] = [];
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      for (const c of text) if (c === "\n") lineMs.push(performance.now() - start);
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0 || lineMs.length !== questions.length) return fail(new Error(`storybot ask --jsonl exited with ${code} after ${lineMs.length} of ${questions.length} answers: ${err.trim().slice(0, 300)}`));
      const usage = JSON.parse(readFileSync(rusageFile, "utf8")) as { cpuMs: number; peakRssMb: number };
      const answers = out.trim().split("\n").map((l) => JSON.parse(l) as { answer?: string | null });
      done({ wallMs, ...usage, lineMs, answered: answers.filter((a) => typeof a.answer === "string").length });
    });
    child.stdin.end(questions.map((q) => JSON.stringify({ question: q })).join("\n") + "\n");
  });
}

export async function measureCliBatch(setup: CliBatchSetup): Promise<CliBatchResult> {
  const scratch = mkdtempSync(join(tmpdir(), "storybot-cli-batch-"));
  try {
    const first = setup.questions.slice(0, 1);
    // unmeasured: the cache is filled if it was not, and the files are in the page cache
    await runOnce(setup, setup.questions, scratch);
    const all: Run[] = [];
    const one: Run[] = [];
    for (let i = 0; i < setup.runs; i++) {
      all.push(await runOnce(setup, setup.questions, scratch));
      one.push(await runOnce(setup, first, scratch));
    }
    const n = setup.questions.length;
    const m = (runs: Run[], f: (r: Run) => number) => round(median(runs.map(f)), 1);
    const extra = Math.max(1, n - 1);
    return {
      stories: setup.stories,
      questions: n,
      runs: setup.runs,
      wallMs: m(all, (r) => r.wallMs),
      cpuMs: m(all, (r) => r.cpuMs),
      peakRssMb: round(Math.max(...all.map((r) => r.peakRssMb)), 1),
      oneQuestion: { wallMs: m(one, (r) => r.wallMs), cpuMs: m(one, (r) => r.cpuMs) },
      perAnswer: {
        wallMs: round((m(all, (r) => r.wallMs) - m(one, (r) => r.wallMs)) / extra, 1),
        cpuMs: round((m(all, (r) => r.cpuMs) - m(one, (r) => r.cpuMs)) / extra, 1),
        betweenLinesMs: m(all, (r) => (r.lineMs.at(-1)! - r.lineMs[0]!) / extra),
      },
      answered: all[0]!.answered,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
