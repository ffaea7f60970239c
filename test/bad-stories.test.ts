/**
 * Malformed story files, beyond test/story-files.test.ts (empty, binary, huge, bad front matter and
 * duplicate ids in the library): files that cannot be read, a YAML alias bomb, and what the real
 * `storybot start` and `storybot ask` do with them. Each bad file is named with its reason and the
 * others are served; with no valid story at all, a run stops at once with a clear message.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { ingestText } from "../src/engine/story/ingest.js";
import { MAX_STORY_BYTES, StoryLibrary } from "../src/engine/story/library.js";
import { emulatorForTest } from "./emulator/emulator.js";
import { exitOrPrinted, STACK_LINE, startStorybot } from "./helpers/storybot-process.js";

const SHIPPED = fileURLToPath(new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url));
const IS_ROOT = process.getuid?.() === 0;
/** the conventional unprivileged account: root reads any file, so a permission test runs as this */
const NOBODY = { uid: 65534, gid: 65534 };
/** `ask` answers in about a second; a run still going after this long is stuck. */
const HANG_GUARD_MS = 30_000;

const ARTICLE = "A good story\n\nOSLO, May 2, 2022 (Wire) — The city opened a new library on Monday, the mayor said.\n\nIt holds 40,000 books.\n";
/** Each alias level multiplies by ten: a million nodes from a few lines, unless the parser refuses. */
const ALIAS_BOMB = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]", ..."bcdef".split("").map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdef"[i]}`).join(", ")}]`), "title: *f", "---", "A story", "", "Something happened on Monday.", ""].join("\n");

/** Bad files that fail for any user, root included, and what their error must say. */
const BAD: Record<string, { write: (path: string) => void; reason: RegExp }> = {
  "empty.txt": { write: (p) => writeFileSync(p, ""), reason: /empty/ },
  "binary.txt": { write: (p) => writeFileSync(p, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08])), reason: /not a text file/ },
  "huge.txt": { write: (p) => writeFileSync(p, "word ".repeat(MAX_STORY_BYTES / 5 + 1)), reason: /too large/ },
  "bad-front-matter.md": { write: (p) => writeFileSync(p, "---\ntitle: [unclosed\n---\nA story\n\nSomething happened.\n"), reason: /unreadable front matter/ },
  "alias-bomb.md": { write: (p) => writeFileSync(p, ALIAS_BOMB), reason: /unreadable front matter: Excessive alias count/ },
  "loop.txt": { write: (p) => symlinkSync(p, p), reason: /unreadable \(ELOOP/ },
  "dangling.txt": { write: (p) => symlinkSync(join(p, "..", "gone", "nowhere.txt"), p), reason: /no such file/ },
};

let root: string;
/** bad files only */
let badDir: string;
/** the same bad files beside two good stories */
let mixedDir: string;

function writeBadFiles(dir: string): void {
  for (const [name, { write }] of Object.entries(BAD)) write(join(dir, name));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "storybot-bad-stories-"));
  badDir = join(root, "bad");
  mixedDir = join(root, "mixed");
  mkdirSync(badDir);
  mkdirSync(mixedDir);
  writeBadFiles(badDir);
  writeBadFiles(mixedDir);
  copyFileSync(SHIPPED, join(mixedDir, "korea-herald-2020-10-22.txt"));
  writeFileSync(join(mixedDir, "Oslo Library.txt"), ARTICLE);
  // same id as the file above ("oslo-library"): reported, the first one kept
  writeFileSync(join(mixedDir, "oslo-library.md"), ARTICLE.replace("40,000", "50,000"));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Every bad file, named in `text` with its reason. */
function expectEachBadFileNamed(text: string, dir: string): void {
  for (const [name, { reason }] of Object.entries(BAD)) {
    const line = text.split("\n").find((l) => l.includes(join(dir, name)));
    expect(line, `${name} is reported in:\n${text}`).toBeDefined();
    expect(line).toMatch(reason);
  }
}

describe("the library with unreadable and hostile files", () => {
  it("reports each file by name with its reason and loads the good stories", async () => {
    const library = await StoryLibrary.fromDirectory(mixedDir);
    expect(library.ids().sort()).toEqual(["korea-herald-2020-10-22", "oslo-library"]);
    expect(library.get("oslo-library")!.paragraphs[1]!.text).toContain("40,000");
    expectEachBadFileNamed(library.errors.map((e) => e.message).join("\n"), mixedDir);
    expect(library.errors.find((e) => e.file.endsWith("oslo-library.md"))?.message).toMatch(/duplicate story id "oslo-library"/);
    expect(library.errors).toHaveLength(Object.keys(BAD).length + 1);
  });

  // root reads a file whatever its mode: as root (CI), the run drops to the unprivileged "nobody"
  it("reports a file without read permission and serves the others (run as an unprivileged user)", async () => {
    const dir = mkdtempSync(join(root, "perm-"));
    copyFileSync(SHIPPED, join(dir, "good.txt"));
    writeFileSync(join(dir, "locked.txt"), ARTICLE);
    chmodSync(join(dir, "locked.txt"), 0o000);
    for (const d of [root, dir]) chmodSync(d, 0o755);
    const run = startStorybot({ args: ["ask", "--story", "good", "who laid flowers?"], cwd: dir, env: { STORY_DIR: dir }, ...(IS_ROOT ? { user: NOBODY } : {}) });
    expect(await run.exit).toBe(0);
    expect(run.out()).toMatch(/^Kim Jong-un\n/);
    expect(run.err()).toMatch(/storybot: skipped \S*locked\.txt: [^\n]*unreadable \(EACCES/);
  });

  it("refuses a symbolic link that leads out of the story directory, naming it, and follows one that stays inside", async () => {
    const dir = mkdtempSync(join(root, "links-"));
    const outside = mkdtempSync(join(root, "outside-"));
    writeFileSync(join(outside, "secret.txt"), ARTICLE.replace("library", "vault"));
    copyFileSync(SHIPPED, join(dir, "good.txt"));
    symlinkSync(join(outside, "secret.txt"), join(dir, "leak.txt"));
    symlinkSync(join(dir, "good.txt"), join(dir, "alias.txt"));
    const library = await StoryLibrary.fromDirectory(dir);
    expect(library.ids().sort()).toEqual(["alias", "good"]);
    expect(library.errors.map((e) => e.message)).toEqual([expect.stringMatching(/leak\.txt: a symbolic link to \S*secret\.txt, outside the story directory: refused/)]);
    expect(JSON.stringify(library.list())).not.toContain("vault");
  });

  it("reads front matter after a byte-order mark", () => {
    const story = ingestText("\uFEFF---\ntitle: Written on Windows\n---\nOSLO, May 2, 2022 — The city opened a library on Monday.\n", "bom");
    expect(story.title).toBe("Written on Windows");
  });
});

describe.concurrent("storybot with bad story files", () => {
  const env = (dir: string) => ({ STORY_DIR: dir });

  it("ask: serves the good stories and names each bad file on stderr", async () => {
    const run = startStorybot({ args: ["ask", "--story", "korea-herald-2020-10-22", "who laid flowers?"], cwd: root, env: env(mixedDir) });
    expect(await run.exit).toBe(0);
    const [out, err] = [run.out(), run.err()];
    expect(out).toMatch(/^Kim Jong-un\n/);
    expectEachBadFileNamed(err, mixedDir);
    expect(err).not.toMatch(STACK_LINE);
  });

  it("start (console): answers from the good stories and logs each bad file by name", async () => {
    const run = startStorybot({ args: ["start"], cwd: root, env: env(mixedDir), input: "/ask who laid flowers? story:korea-herald-2020-10-22\n/stories\n" });
    expect(await run.exit).toBe(0);
    const [out, err] = [run.out(), run.err()];
    expect(out).toMatch(/^Kim Jong-un\n/);
    expect(out).toMatch(/2 stories/);
    expectEachBadFileNamed(err, mixedDir);
    expect(err).not.toMatch(STACK_LINE);
  });

  it("ask with no valid story: a clear message naming the files, exit status 2, no stack trace", async () => {
    const run = startStorybot({ args: ["ask", "who laid flowers?"], cwd: root, env: env(badDir) });
    expect(await run.exit).toBe(2);
    const [out, err] = [run.out(), run.err()];
    expect(out).toBe("");
    expect(err).toContain(`no story could be loaded from ${badDir}`);
    expectEachBadFileNamed(err, badDir);
    expect(err).not.toMatch(STACK_LINE);
  });

  it("start (console) with no valid story: refuses to start, with a clear message and a non-zero exit", async () => {
    const run = startStorybot({ args: ["start"], cwd: root, env: env(badDir), input: "who laid flowers?\n" });
    const code = await run.exit;
    const err = run.err();
    expect(code).not.toBe(0);
    expect(err).toMatch(/no story could be loaded/i);
    expect(err).not.toMatch(STACK_LINE);
  });

  it("a named pipe among the articles is reported, not waited on forever", async () => {
    const dir = mkdtempSync(join(root, "fifo-"));
    copyFileSync(SHIPPED, join(dir, "korea-herald-2020-10-22.txt"));
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    const run = startStorybot({ args: ["ask", "--story", "korea-herald-2020-10-22", "who laid flowers?"], cwd: root, env: env(dir) });
    const guard = setTimeout(() => run.child.kill("SIGKILL"), HANG_GUARD_MS);
    const code = await run.exit;
    clearTimeout(guard);
    expect(code).toBe(0);
    expect(run.err()).toMatch(/pipe\.txt: /);
  });

  it("start (Discord) with no valid story: exits non-zero before logging in, without a stack trace", async (test: TestContext) => {
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["start"], cwd: root, env: { ...env(badDir), DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl } });
    // serving would go on until stopped: the "ready" line ends the wait
    const outcome = await exitOrPrinted(run, /"msg":"ready"/);
    expect(outcome).not.toBe("still running");
    expect(outcome).not.toBe(0);
    expect(run.err()).toMatch(/no story could be loaded/i);
    expect(run.err()).not.toMatch(STACK_LINE);
    // a process that stops before calling Discord cannot turn into a login loop under a service manager
    expect(emulator.rest.calls).toEqual([]);
  });
});
