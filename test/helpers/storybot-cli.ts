/** Runs the storybot command line as a user would (TypeScript through tsx), without the story cache. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export function storybot(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "bin/storybot.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, STORYBOT_DB: ":memory:", STORY: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}
