/** `storybot stories` and `/stories` say what a story lacks, and what would supply it. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { Stories } from "../commands/stories-service.js";
import { runConsole } from "../src/console/console.js";
import { ingestText, StoryLibrary } from "../src/engine/index.js";
import { createLogger } from "../src/log.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATED = "Pier reopens\n\nOSLO, May 2, 2022 (Wire) — The pier reopened on Monday, the city said.\n\nIt had been shut for a year.\n";
const UNDATED = "Pier reopens\n\nThe pier reopened on Monday, the city said.\n\nIt had been shut for a year.\n";
const NO_YEAR = "Pier reopens\n\nOSLO, May 2 (Wire) - The pier reopened on Monday, the city said.\n\nIt had been shut for a year.\n";
const dir = mkdtempSync(join(tmpdir(), "storybot-listing-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("what a story lacks", () => {
  it("is listed by `storybot stories` under the story", () => {
    writeFileSync(join(dir, "dated.txt"), DATED);
    writeFileSync(join(dir, "undated.md"), UNDATED);
    writeFileSync(join(dir, "no-year.txt"), NO_YEAR);
    const run = spawnSync(process.execPath, ["--import", "tsx", "bin/storybot.ts", "stories"], { cwd: ROOT, env: { ...process.env, STORY_DIR: dir, STORYBOT_CACHE_DIR: "off", STORY: "" }, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(0);
    const entry = (id: string) => run.stdout.split("\n").find((l) => l.includes(`id: ${id}`)) ?? "";
    expect(entry("undated")).toContain("no date found: add `published:` front matter");
    expect(entry("no-year")).toContain('no year for the dateline\'s date "May 2": add `published:` front matter');
    expect(entry("dated")).not.toMatch(/no date|no year/);
  });

  it("is shown by /stories beside the story", async () => {
    const stories = new Stories(new StoryLibrary([ingestText(DATED, "dated"), ingestText(UNDATED, "undated")]));
    const out = new PassThrough();
    let text = "";
    out.on("data", (d) => (text += d));
    const input = new PassThrough();
    input.end("/stories\n");
    await runConsole({ input, output: out, stories, commands, log: createLogger({ level: "silent", destination: { write: () => undefined } }) });
    const lines = text.split("\n");
    expect(lines.find((l) => l.includes("id: undated"))).toContain("no date found: add `published:` front matter");
    expect(lines.find((l) => l.includes("id: dated"))).not.toContain("no date found");
  });
});
