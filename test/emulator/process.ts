/**
 * storybot as a real process for end-to-end tests: node with tsx, an environment holding only what
 * the test gives (a developer's own DISCORD_TOKEN must not leak in), in a directory without a .env.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const TSX = import.meta.resolve("tsx");
const STORYBOT_BIN = fileURLToPath(new URL("../../bin/storybot.ts", import.meta.url));
/** storybot start with a test-only /slow command that answers SLOW_ANSWER once a line arrives on stdin */
export const STORYBOT_WITH_SLOW_COMMAND = fileURLToPath(new URL("./storybot-with-slow-command.ts", import.meta.url));
export const SLOW_ANSWER = "finished after the signal";

export interface StorybotProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved */
  output(): string;
  /** the JSON log lines written so far, parsed */
  logLines(): Record<string, any>[];
  exit: Promise<number | null>;
  /** resolves once the output matches; rejects if the process exits first */
  printed(re: RegExp): Promise<void>;
}

export function startStorybot(options: { entry?: string; args?: string[]; cwd: string; env: Record<string, string>; stdin?: "pipe" | "ignore" }): StorybotProcess {
  const child = spawn(process.execPath, ["--import", TSX, options.entry ?? STORYBOT_BIN, ...(options.args ?? ["start"])], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", STORYBOT_CACHE_DIR: "off", ...options.env },
    stdio: [options.stdin ?? "ignore", "pipe", "pipe"],
  });
  let output = "";
  const watchers = new Set<{ re: RegExp; done: () => void }>();
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const w of watchers) if (w.re.test(output)) (watchers.delete(w), w.done());
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exit = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return {
    child,
    output: () => output,
    logLines: () => output.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, any>),
    exit,
    printed: (re) =>
      new Promise((done, fail) => {
        if (re.test(output)) return done();
        watchers.add({ re, done });
        void exit.then(() => fail(new Error(`exited before printing ${re}:\n${output}`)));
      }),
  };
}
