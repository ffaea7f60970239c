/**
 * `storybot story add` and the command line's choice of story: a file or a link added to the shared
 * library (a temporary STORY_DIR, never data/stories/), the refusals, STORY read from .env, and
 * stories named by fuzzy ids as in Discord.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const FERRY = readFileSync(fixture("scale/ferry-strike-2022-03-04.txt"), "utf8");

let work: string;
let storyDir: string;
let web: Server;
let site: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "storybot-cli-story-"));
  storyDir = join(work, "stories");
  mkdirSync(storyDir);
  copyFileSync(fixture("scale/glacier-survey-2021-08-12.txt"), join(storyDir, "glacier-survey-2021-08-12.txt"));
  web = createServer((req, res) => {
    if (req.url === "/news/ferry-strike-2022-03-04.txt") res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(FERRY);
    else if (req.url === "/to-private") res.writeHead(302, { location: "http://192.168.7.7/story.txt" }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => web.listen(0, "127.0.0.1", done));
  site = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});

afterAll(async () => {
  web.closeAllConnections();
  await new Promise((done) => web.close(done));
  rmSync(work, { recursive: true, force: true });
});

/** The CLI as a user runs it, in `cwd` (default: the temporary work folder, with no .env). Asynchronous: the test's web server must keep answering. */
function storybot(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "bin/storybot.ts"), ...args], {
      cwd: options.cwd ?? work,
      env: { PATH: process.env.PATH ?? "", STORY_DIR: storyDir, STORYBOT_DB: join(work, "storybot.db"), ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (err += c));
    child.on("close", (code) => done({ code, out, err }));
  });
}

// each test runs the command line a few times, a few seconds each on a busy machine
describe("storybot story add", { timeout: 60_000 }, () => {
  it("adds a file to the shared stories, which the other commands then serve", async () => {
    const added = await storybot(["story", "add", fixture("ashford-bridge-2023-05-12.txt")]);
    expect(added.err).toBe("");
    expect(added.out).toMatch(/^added ashford-bridge-2023-05-12: Ashford reopens its covered bridge after a three-year restoration \(.*ashford-bridge-2023-05-12\.txt\)/);
    expect(readFileSync(join(storyDir, "ashford-bridge-2023-05-12.txt"), "utf8")).toBe(readFileSync(fixture("ashford-bridge-2023-05-12.txt"), "utf8"));
    const listed = await storybot(["stories"]);
    expect(listed.out).toMatch(/ashford-bridge-2023-05-12/);
    // a fuzzy id, as in Discord
    const summary = await storybot(["summary", "--story", "ashford bridge"]);
    expect(summary.code).toBe(0);
    expect(summary.out).toMatch(/Miller Creek Covered Bridge/);
  });

  it("adds an article from a link, fetched with the bot's checks", async () => {
    const added = await storybot(["story", "add", `${site}/news/ferry-strike-2022-03-04.txt`], { env: { FETCH_ALLOW_ADDRESSES: "127.0.0.1" } });
    expect(added.out).toMatch(/^added ferry-strike-2022-03-04: Island ferry crews end nine-day strike after pay deal/);
    expect(readFileSync(join(storyDir, "ferry-strike-2022-03-04.txt"), "utf8")).toBe(FERRY);
    const who = await storybot(["who", "Graham Oyelaran", "--story", "ferry-strike"]);
    expect(who.out).toMatch(/regional secretary/);
  });

  it("refuses private addresses, also behind a redirect, and loopback unless allow-listed", async () => {
    const direct = await storybot(["story", "add", "http://10.0.0.8/story.txt"]);
    expect(direct.code).toBe(2);
    expect(direct.err).toMatch(/10\.0\.0\.8 is a private address/);
    expect((await storybot(["story", "add", `${site}/news/ferry-strike-2022-03-04.txt`])).err).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect((await storybot(["story", "add", `${site}/to-private`], { env: { FETCH_ALLOW_ADDRESSES: "127.0.0.1" } })).err).toMatch(/192\.168\.7\.7 is a private address/);
  }, 60_000);

  it("refuses files that are not articles, and replacing a story without --replace", async () => {
    writeFileSync(join(work, "notes.json"), "{}");
    expect((await storybot(["story", "add", join(work, "notes.json")])).err).toMatch(/not an article file/);
    writeFileSync(join(work, "empty.md"), "\n");
    expect((await storybot(["story", "add", join(work, "empty.md")])).err).toMatch(/empty\.md: the article is empty/);
    expect(existsSync(join(storyDir, "empty.md"))).toBe(false);
    const again = await storybot(["story", "add", fixture("scale/glacier-survey-2021-08-12.txt")]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists: pass --replace/);
    expect((await storybot(["story", "add", "--replace", fixture("scale/glacier-survey-2021-08-12.txt")])).code).toBe(0);
  }, 60_000);

  it("takes the default story from STORY in .env, and the environment over .env", async () => {
    const cwd = join(work, "with-env");
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, ".env"), "STORY=glacier-survey-2021-08-12\n");
    const fromFile = await storybot(["summary"], { cwd });
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toMatch(/Tessin Glacier/);
    const fromEnv = await storybot(["summary"], { cwd, env: { STORY: "ashford-bridge-2023-05-12" } });
    expect(fromEnv.out).toMatch(/Ashford/);
  });
});
