/** Cold start of the CLI: a fresh process per run, from spawn to the answer on stdout and to exit. */
import { spawn } from "node:child_process";
import { median, round } from "./stats.js";

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ColdStart {
  runs: number;
  /** spawn → the first byte of the answer on stdout */
  answerPrintedMs: Spread;
  /** spawn → the process has exited */
  exitMs: Spread;
}

const spread = (xs: number[]): Spread => ({ median: round(median(xs), 1), min: round(Math.min(...xs), 1), max: round(Math.max(...xs), 1) });

interface SpawnAt {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function runOnce(command: readonly string[], at: SpawnAt): Promise<{ printed: number; exited: number }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    let printed = NaN;
    let stderr = "";
    const child = spawn(command[0]!, command.slice(1), { ...at, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", () => {
      if (Number.isNaN(printed)) printed = performance.now() - start;
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      const exited = performance.now() - start;
      if (code !== 0 || Number.isNaN(printed)) fail(new Error(`${command.join(" ")} exited with ${code}: ${stderr.trim()}`));
      else done({ printed, exited });
    });
  });
}

/** One unmeasured run first (it fills the story cache), then `runs` measured ones in a row. */
export async function measureColdStart(command: readonly string[], at: SpawnAt, runs: number): Promise<ColdStart> {
  await runOnce(command, at);
  const printed: number[] = [];
  const exited: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(command, at);
    printed.push(r.printed);
    exited.push(r.exited);
  }
  return { runs, answerPrintedMs: spread(printed), exitMs: spread(exited) };
}
