/**
 * `storybot` as a real child process (TypeScript through tsx), for the tests that must see what a
 * user or a service manager sees: exit status, stdout, stderr. Asynchronous, so that a Discord
 * emulator in the test process can answer it. Only PATH and the given variables reach the child, and
 * it runs in the given directory, so a developer's own environment and .env stay out.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestContext } from "vitest";
import { DiscordEmulator } from "../emulator/emulator.js";

const TSX = import.meta.resolve("tsx");
const BIN = fileURLToPath(new URL("../../bin/storybot.ts", import.meta.url));

export interface StorybotRun {
  child: ChildProcess;
  /** stdout and stderr so far */
  output: () => { out: string; err: string };
  exit: Promise<number | null>;
  /** resolves when stdout or stderr has printed something matching; rejects if the process exits first */
  printed: (re: RegExp) => Promise<void>;
}

export function runStorybot(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string }): StorybotRun {
  const child = spawn(process.execPath, ["--import", TSX, BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", STORYBOT_CACHE_DIR: "off", ...options.env },
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const watchers: { re: RegExp; done: () => void }[] = [];
  const check = () => {
    for (const w of [...watchers]) {
      if (!w.re.test(out) && !w.re.test(err)) continue;
      watchers.splice(watchers.indexOf(w), 1);
      w.done();
    }
  };
  child.stdout!.on("data", (d) => ((out += d), check()));
  child.stderr!.on("data", (d) => ((err += d), check()));
  if (options.input !== undefined) child.stdin!.end(options.input);
  const exit = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const printed = (re: RegExp) =>
    new Promise<void>((done, fail) => {
      watchers.push({ re, done });
      check();
      void exit.then(() => fail(new Error(`exited before printing ${re}\nstdout: ${out}\nstderr: ${err}`)));
    });
  return { child, output: () => ({ out, err }), exit, printed };
}

/** The process's exit status, or "still running" once it has printed `re` (it is then stopped). */
export async function exitOrPrinted(run: StorybotRun, re: RegExp): Promise<number | null | "still running"> {
  const outcome = await Promise.race([run.exit, run.printed(re).then(() => "still running" as const, () => run.exit)]);
  if (outcome === "still running") {
    run.child.kill("SIGKILL");
    await run.exit;
  }
  return outcome;
}

/** A Node stack trace line ("    at fn (file:1:2)"), printed or inside a JSON log line: never for a user to read. */
export const STACK_LINE = /(?:^|\\n)\s*at [^\n]*:\d+:\d+/m;

/** An emulator for one test, closed when that test ends (tests run concurrently, each against its own). */
export async function emulatorForTest(test: TestContext, token?: string): Promise<DiscordEmulator> {
  const emulator = await DiscordEmulator.start(token ? { token } : undefined);
  test.onTestFinished(() => emulator.close());
  return emulator;
}
