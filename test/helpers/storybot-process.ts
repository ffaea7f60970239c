/**
 * `storybot` as a real child process (TypeScript through tsx), for the tests and benchmarks that must
 * see what a user or a service manager sees: exit status, stdout, stderr, the JSON log lines.
 * Asynchronous, so that a Discord emulator in the same process can answer it. Only PATH, the cache
 * switched off and the given variables reach the child (a developer's own DISCORD_TOKEN must not leak
 * in), and it runs in the given directory, so a developer's own .env stays out.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const TSX = import.meta.resolve("tsx");
const STORYBOT_BIN = fileURLToPath(new URL("../../bin/storybot.ts", import.meta.url));

/** storybot start with a test-only /slow command that answers SLOW_ANSWER once a line arrives on stdin */
export const STORYBOT_WITH_SLOW_COMMAND = fileURLToPath(new URL("../emulator/storybot-with-slow-command.ts", import.meta.url));
export const SLOW_ANSWER = "finished after the signal";

/** A Node stack trace line ("    at fn (file:1:2)"), printed or inside a JSON log line: never for a user to read. */
export const STACK_LINE = /(?:^|\\n)\s*at [^\n]*:\d+:\d+/m;

export interface StorybotOptions {
  /** what follows `storybot` on the command line; `start` when omitted */
  args?: string[];
  /** the working directory: one without a .env, unless the test writes one there */
  cwd: string;
  /** the child's environment, besides PATH and STORYBOT_DB=:memory: */
  env?: Record<string, string>;
  /** text written to stdin, which is then closed */
  input?: string;
  /** without `input`: "ignore" (the default) is /dev/null; "pipe" leaves `child.stdin` open for the test */
  stdin?: "pipe" | "ignore";
  /** the script to run instead of bin/storybot.ts (see STORYBOT_WITH_SLOW_COMMAND) */
  entry?: string;
  /** run as this user instead (a root test process dropping to an unprivileged uid) */
  user?: { uid: number; gid: number };
}

export interface StorybotProcess {
  child: ChildProcess;
  /** stdout so far */
  out(): string;
  /** stderr so far */
  err(): string;
  /** stdout and stderr so far, interleaved as they arrived */
  output(): string;
  /** the JSON log lines written so far, parsed */
  logLines(): Record<string, any>[];
  exit: Promise<number | null>;
  /** resolves once stdout, stderr or both together match; rejects if the process exits first */
  printed(re: RegExp): Promise<void>;
}

export function startStorybot(options: StorybotOptions): StorybotProcess {
  const child = spawn(process.execPath, ["--import", TSX, options.entry ?? STORYBOT_BIN, ...(options.args ?? ["start"])], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", STORYBOT_DB: ":memory:", ...options.env },
    stdio: [options.input === undefined ? (options.stdin ?? "ignore") : "pipe", "pipe", "pipe"],
    ...options.user,
  });
  let out = "";
  let err = "";
  let output = "";
  const matches = (re: RegExp) => re.test(out) || re.test(err) || re.test(output);
  const watchers = new Set<{ re: RegExp; done: () => void }>();
  const check = () => {
    for (const w of watchers) if (matches(w.re)) (watchers.delete(w), w.done());
  };
  child.stdout!.on("data", (chunk: Buffer) => ((out += chunk), (output += chunk), check()));
  child.stderr!.on("data", (chunk: Buffer) => ((err += chunk), (output += chunk), check()));
  if (options.input !== undefined) child.stdin!.end(options.input);
  const exit = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return {
    child,
    out: () => out,
    err: () => err,
    output: () => output,
    logLines: () => output.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, any>),
    exit,
    printed: (re) =>
      new Promise((done, fail) => {
        if (matches(re)) return done();
        watchers.add({ re, done });
        void exit.then(() => fail(new Error(`exited before printing ${re}\nstdout: ${out}\nstderr: ${err}`)));
      }),
  };
}

/** The process's exit status, or "still running" once it has printed `re` (it is then stopped). */
export async function exitOrPrinted(run: StorybotProcess, re: RegExp): Promise<number | null | "still running"> {
  const outcome = await Promise.race([run.exit, run.printed(re).then(() => "still running" as const, () => run.exit)]);
  if (outcome === "still running") {
    run.child.kill("SIGKILL");
    await run.exit;
  }
  return outcome;
}
