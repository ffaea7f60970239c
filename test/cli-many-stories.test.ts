import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures/scale");

let work: string;
let storyDir: string;
let env: NodeJS.ProcessEnv;

function storybot(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bin/storybot.ts"), ...args], { cwd: ROOT, env, input, encoding: "utf8", timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "storybot-cli-"));
  storyDir = join(work, "stories");
  cpSync(FIXTURES, storyDir, { recursive: true });
  cpSync(join(ROOT, "data/stories/korea-herald-2020-10-22.txt"), join(storyDir, "korea-herald-2020-10-22.txt"));
  env = { ...process.env, STORY_DIR: storyDir, STORYBOT_DB: join(work, "storybot.db"), STORY: "" };
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("storybot ask over many stories", () => {
  it("--story all routes the question to the story that answers it, and the JSON says which", () => {
    const r = storybot(["ask", "--json", "--story", "all", "Who announced the ferry pay agreement?"]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ story: "ferry-strike-2022-03-04", question: "Who announced the ferry pay agreement?" });
  });

  it("--story DIR loads the articles of that directory", () => {
    const r = storybot(["ask", "--json", "--story", FIXTURES, "Where will the reservoir for meltwater be built?"]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).story).toBe("glacier-survey-2021-08-12");
  });

  it("routes each line of a JSONL batch on its own", () => {
    const lines = [JSON.stringify({ question: "Who sent a basket of flowers to the cemetery?", story: "all" }), "Which hydrologist warned of water shortages?", JSON.stringify({ question: "Who is the chief executive of the ferry company?", story: "ferry-strike-2022-03-04" })];
    const r = storybot(["ask", "--jsonl", "--story", "all"], lines.join("\n") + "\n");
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split("\n").map((l) => JSON.parse(l).story)).toEqual(["korea-herald-2020-10-22", "glacier-survey-2021-08-12", "ferry-strike-2022-03-04"]);
  });

  it("prints the answering story's title with a text answer", () => {
    const r = storybot(["ask", "Who led the survey of the Tessin Glacier?"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Survey finds the Tessin Glacier has lost a fifth of its ice since 2015");
  });

  it("explains a directory without articles and an unknown story, and exits 2", () => {
    const empty = storybot(["ask", "--story", join(work, "nowhere") + "/", "Who?"]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/nowhere.*no such file/);
    const unknown = storybot(["ask", "--story", "no-such-story", "Who?"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/There is no story "no-such-story" \(known: .*ferry-strike-2022-03-04.*, or "all"\)/);
  });
});
