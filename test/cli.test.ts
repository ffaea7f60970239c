/**
 * The command line, run as a user runs it (`tsx bin/storybot.ts …`, what `npx tsx` starts): ask as
 * text and JSON, the JSONL batch, and exit status 2 with a message on stderr for bad input.
 *
 * The database is in memory (STORYBOT_DB=:memory:), so that these runs neither read nor write the checkout's data/storybot.db.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const TSX = join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/cli.mjs");
const KH = "korea-herald-2020-10-22";
const CUP = "test/fixtures/engine/coastal-cup-final-2019-04-14.txt";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function storybot(args: string[], stdin = ""): Promise<Run> {
  return run(process.execPath, [TSX, "bin/storybot.ts", ...args], stdin);
}

function run(command: string, args: string[], stdin = ""): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, STORYBOT_DB: ":memory:", NO_COLOR: "1" };
  delete env.STORY;
  delete env.STORY_DIR;
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const TIMEOUT = 60_000;

describe.concurrent("storybot ask", () => {
  it("prints the answer, the evidence and its paragraph as text", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "Who laid flowers at the tomb of Mao Anying?", "--story", KH]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("Kim Jong-un");
    expect(r.stdout).toContain("Kim laid flowers at the tomb of Mao Anying");
    expect(r.stdout).toMatch(/¶3\b/);
  });

  it("joins the words of an unquoted question", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "Who", "invaded", "South", "Korea?", "--story", KH, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ question: "Who invaded South Korea?", answer: "North Korea", paragraph: 9 });
  });

  it("prints the answer as JSON with --json", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "--json", "When did Xi stress the decision?", "--story", KH]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(a).toMatchObject({ question: "When did Xi stress the decision?", kind: "when", story: KH, answer: "Monday (19 Oct 2020)", paragraph: 16 });
    expect(a.evidence).toMatch(/^On Monday, Xi stressed/);
    expect(typeof a.confidence).toBe("number");
  });

  it("prints a null answer as JSON, with status 0, when the story does not say", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "--json", "Who is the current Pope?", "--story", KH]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ answer: null });
  });

  it("answers about an article given by path", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "--json", "Who fined Millbrook Rovers?", "--story", CUP]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ story: "coastal-cup-final-2019-04-14", answer: expect.stringMatching(/^(?:CFA|Coastal Football Association)$/), paragraph: 7 });
  });

  it("answers a JSONL batch line by line, with an error object for each bad line", { timeout: TIMEOUT }, async () => {
    const input = [
      "Who sent a wreath to the cemetery?",
      '{"question": ',
      "",
      JSON.stringify({ question: "Who was sent off in the 95th minute?", story: CUP }),
      JSON.stringify({ question: "Who?", story: "no-such-story" }),
      JSON.stringify({ story: KH }),
      JSON.stringify({ question: "When did North Korea invade South Korea?" }),
    ].join("\n");
    const r = await storybot(["ask", "--jsonl", "--story", KH], input + "\n");
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ question: "Who sent a wreath to the cemetery?", story: KH, answer: "Kim Jong-un", paragraph: 13 });
    expect(out[1]).toEqual({ error: expect.stringMatching(/JSON/) });
    expect(out[2]).toEqual({ error: expect.stringMatching(/empty/) });
    expect(out[3]).toMatchObject({ story: "coastal-cup-final-2019-04-14", answer: "Sam Okafor", paragraph: 6 });
    expect(out[4]).toEqual({ error: expect.stringMatching(/no story "no-such-story"/) });
    expect(out[5]).toEqual({ error: expect.stringMatching(/empty/) });
    expect(out[6]).toMatchObject({ story: KH, answer: "June 1950" });
  });

  it("answers the last line of a batch without a final newline, and an empty batch with nothing", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "--jsonl", "--story", KH], "Who invaded South Korea?");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ answer: "North Korea" })]);
    const empty = await storybot(["ask", "--jsonl", "--story", KH], "");
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe("");
  });

  it("exits 2 with a clear message for an unknown story", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "Who visited the cemetery?", "--story", "no-such-story"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/There is no story "no-such-story"/);
    // and says which stories there are
    expect(r.stderr).toContain(KH);
  });

  it("exits 2 naming a story file that does not exist", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["ask", "Who?", "--story", "test/fixtures/engine/no-such-file.txt"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/no-such-file\.txt: no such file/);
  });

  it("exits 2 for an empty or blank question", { timeout: TIMEOUT }, async () => {
    for (const args of [["ask", "", "--story", KH], ["ask", "   ", "--story", KH], ["ask", "--story", KH]]) {
      const r = await storybot(args);
      expect(r.code, JSON.stringify(args)).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/question is empty/);
    }
  });
});

describe("storybot stories", () => {
  it("lists the stories of data/stories with their titles", { timeout: TIMEOUT }, async () => {
    const r = await storybot(["stories", "--json"]);
    expect(r.code).toBe(0);
    const { stories } = JSON.parse(r.stdout) as { stories: { id: string; title: string; paragraphs: number }[] };
    expect(stories).toContainEqual(expect.objectContaining({ id: KH, title: expect.stringMatching(/^N\. Korea’s leader/), paragraphs: 17 }));
  });
});

describe("npx storybot", () => {
  // what users and the evaluation run after `npm install`: the built bin, which must be executable
  it("runs the built command after install", { timeout: TIMEOUT }, async () => {
    const r = await run("npx", ["--no-install", "storybot", "ask", "--json", "--story", KH, "who visited the cemetery?"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ answer: "Kim Jong-un", story: KH });
  });
});
