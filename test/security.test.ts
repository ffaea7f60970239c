/**
 * Security, checked on the real thing (docs/security.md):
 * - the token never reaches stdout or stderr of a real `storybot` process, on the happy path and on
 *   error paths (failing API calls, an unreachable or echoing API, a rejected login);
 * - `.env` is git-ignored and `.env.example` holds no secret;
 * - no dynamic code evaluation in src/, commands/ or bin/;
 * - a story reference typed by a user (`/ask story:`, console, buttons) picks among loaded stories
 *   only: paths, `..`, absolute paths and symlinks never make the bot read another file.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, type TestContext } from "vitest";
import { commands } from "../commands/index.js";
import { Stories } from "../commands/stories-service.js";
import { runConsole } from "../src/console/console.js";
import { StoryLibrary } from "../src/engine/story/library.js";
import { createLogger } from "../src/log.js";
import { toText } from "../src/render/text-message.js";
import { emulatorForTest } from "./emulator/emulator.js";
import { slashCommand, userMessage } from "./emulator/interactions.js";
import { user } from "./emulator/world.js";
import { exitOrPrinted, startStorybot } from "./helpers/storybot-process.js";
import { tempDirForFile } from "./helpers/temp-dir.js";
import { runCommand, type Via } from "./props/drive-commands.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHIPPED = join(ROOT, "data/stories/korea-herald-2020-10-22.txt");
/** Well-formed (three dot-separated base64url parts) and known, so that output can be searched for it. */
const FAKE_TOKEN = "MTMzNzEzMzcxMzM3MTMzNzEz.R2hvc3Q.c2VjcmV0LXBhcnQtb2YtdGhlLXRva2Vu";

const scratch = tempDirForFile("storybot-security-");

/** Neither the token nor its secret third part (the first is only the bot's id, in base64). */
function expectNoToken(text: string, token: string): void {
  expect(text).not.toContain(token);
  expect(text).not.toContain(token.split(".")[2]!);
}

/** An HTTP API that refuses everything and echoes the Authorization header in its error, as a misbehaving proxy might. */
async function echoingApi(test: TestContext): Promise<string> {
  const server: Server = createServer((req, res) => {
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: `401: Unauthorized (got ${req.headers.authorization})`, code: 0 }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  test.onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

describe.concurrent("the token never appears in a real process's output", () => {
  it("serving at LOG_LEVEL=trace: commands, a mention, a user error, failing API calls and SIGTERM", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test, { token: FAKE_TOKEN });
    const run = startStorybot({ args: ["start"], cwd: scratch(), env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: emulator.apiUrl, LOG_LEVEL: "trace" } });
    await run.printed(/"msg":"ready"/);
    const world = emulator.world;
    await emulator.interact(slashCommand(world, user("a"), "ask", { question: "who laid flowers?" }));
    await emulator.interact(slashCommand(world, user("b"), "source", { paragraph: 99 }));
    await emulator.post(userMessage(world, user("c"), `<@${world.bot.id}> when did the war begin?`, [world.bot]));
    // every callback refused: the client retries, gives up and logs the error with its request
    emulator.rest.fail({ path: /\/callback$/, status: 500, times: 100 });
    emulator.gateway.dispatch("INTERACTION_CREATE", slashCommand(world, user("d"), "ask", { question: "who laid flowers?" }));
    await run.printed(/"level":50/);
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
    // the token was really in use: the emulator accepted it
    expect(emulator.rest.calls.filter((c) => c.authorized).length).toBeGreaterThan(0);
    const [out, err] = [run.out(), run.err()];
    expectNoToken(out + err, FAKE_TOKEN);
  });

  it("an API URL where nothing listens: exit 1", async ({ expect }) => {
    const run = startStorybot({ args: ["start"], cwd: scratch(), env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: "http://127.0.0.1:9/api", LOG_LEVEL: "trace" } });
    expect(await run.exit).toBe(1);
    const [out, err] = [run.out(), run.err()];
    expect(err).toMatch(/could not log in to Discord/);
    expectNoToken(out + err, FAKE_TOKEN);
  });

  it("a login the API rejects: exit 1", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["start"], cwd: scratch(), env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: emulator.apiUrl, LOG_LEVEL: "trace" } });
    expect(await exitOrPrinted(run, /"msg":"ready"/)).toBe(1);
    const [out, err] = [run.out(), run.err()];
    expectNoToken(out + err, FAKE_TOKEN);
  });

  it("start against an API that echoes the token in its error: the log hides it", async (test) => {
    const { expect } = test;
    const api = await echoingApi(test);
    const run = startStorybot({ args: ["start"], cwd: scratch(), env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: api, LOG_LEVEL: "trace" } });
    expect(await run.exit).toBe(1);
    const [out, err] = [run.out(), run.err()];
    expectNoToken(out + err, FAKE_TOKEN);
  });

  it("deploy against an API that echoes the token in its error: stderr hides it", async (test) => {
    const { expect } = test;
    const api = await echoingApi(test);
    const run = startStorybot({ args: ["deploy", "--guild", "123456789012345678"], cwd: scratch(), env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_CLIENT_ID: "123456789012345678", DISCORD_API_URL: api } });
    expect(await run.exit).toBe(1);
    const [out, err] = [run.out(), run.err()];
    expect(err).toMatch(/Discord refused the commands/);
    expectNoToken(out + err, FAKE_TOKEN);
  });
});

describe("secrets in the repository", () => {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });

  it(".env is git-ignored and not tracked; .env.example is tracked", () => {
    // check-ignore exits 1 (and execFileSync throws) when the path is not ignored
    expect(git("check-ignore", ".env").trim()).toBe(".env");
    expect(git("ls-files", "--", ".env", "**/.env").trim()).toBe("");
    expect(git("ls-files", "--", ".env.example").trim()).toBe(".env.example");
  });

  it(".env.example sets no value that could be a secret", () => {
    const example = readFileSync(join(ROOT, ".env.example"), "utf8");
    const settings = example.split(/\r?\n/).filter((l) => l.trim() && !l.trimStart().startsWith("#"));
    expect(settings.length).toBeGreaterThan(0);
    for (const line of settings) expect(line, "every setting is left empty").toMatch(/^[A-Z_]+=$/);
    // nothing shaped like a bot token, even in a comment
    expect(example).not.toMatch(/[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/);
  });
});

describe("no dynamic code evaluation", () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.[cm]?[jt]s$/.test(name) ? [path] : [];
    });
  }
  const FORBIDDEN: [string, RegExp][] = [
    ["eval()", /\beval\s*\(/],
    ["new Function()", /\bnew\s+Function\s*\(/],
    ["Function() as a constructor", /(?<![\w.])Function\s*\(/],
    ["the vm module", /["'](?:node:)?vm["']|\bvm\.(?:run|Script|compile|SourceTextModule)/],
    ["a timer given code as a string", /\bset(?:Timeout|Interval|Immediate)\s*\(\s*["'`]/],
    ["import() of a computed specifier", /\bimport\s*\(\s*(?!["'])/],
    ["require() of a computed specifier", /\brequire\s*\(\s*(?!["'])/],
  ];

  it("src/, commands/ and bin/ use none of eval, Function, vm, string timers or computed imports", () => {
    const files = ["src", "commands", "bin"].flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const [what, re] of FORBIDDEN) if (re.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});

describe("story references from users stay inside the loaded stories", () => {
  /** A word found only in the article outside the story directory. */
  const MARKER = "Quillfeather";
  const SECRET_ARTICLE = `Vault keeper named\n\nOSLO, May 2, 2022 — Warden Ivo ${MARKER} guards the vault of the old bank, officials said on Monday.\n`;
  let stories: Stories;
  let secretFile: string;
  let refs: string[];

  beforeAll(async () => {
    const base = join(scratch(), "refs");
    const storyDir = join(base, "data", "stories");
    const secretDir = join(base, "secret");
    mkdirSync(storyDir, { recursive: true });
    mkdirSync(secretDir);
    copyFileSync(SHIPPED, join(storyDir, "korea-herald-2020-10-22.txt"));
    secretFile = join(secretDir, "vault.txt");
    writeFileSync(secretFile, SECRET_ARTICLE);
    // a directory link out of the story directory: not an article, so never loaded
    symlinkSync(secretDir, join(storyDir, "outside"));
    stories = new Stories(await StoryLibrary.fromDirectory(storyDir));
    refs = [
      "../../etc/passwd",
      "/etc/passwd",
      secretFile,
      relative(process.cwd(), secretFile),
      "../../secret/vault.txt",
      "outside/vault.txt",
      "outside",
      "vault",
      "..",
      ".",
      "~/.ssh/id_rsa",
      "file:///etc/passwd",
      "..%2F..%2Fetc%2Fpasswd",
      "....//....//etc/passwd",
      "..\\..\\secret\\vault.txt",
      "data/stories/../../secret/vault.txt",
      "__proto__",
      "constructor",
    ];
  });

  /** A note that the story is unknown, or an answer from the one loaded story; never the other file's text. */
  function expectOnlyLoadedStories(text: string, ref: string): void {
    // the name the user typed may come back in the note saying the story does not have it
    expect(text.replace(`"${MARKER}" is not in the story`, ""), ref).not.toContain(MARKER);
    expect(text, ref).not.toMatch(/root:.*:0:0:/);
    expect(stories.library.ids()).toEqual(["korea-herald-2020-10-22"]);
  }

  for (const via of ["discord", "text"] as Via[]) {
    it(`through ${via === "discord" ? "Discord's option resolver" : "text options (console, buttons)"}: /ask, /source, /who, /summary, /timeline, /facts`, async () => {
      const asks: [string, Record<string, string | number>][] = [
        ["ask", { question: "who guards the vault?" }],
        ["source", { paragraph: 1 }],
        ["who", { subject: MARKER }],
        ["summary", {}],
        ["timeline", {}],
        ["facts", {}],
      ];
      for (const ref of refs) {
        for (const [name, values] of asks) {
          const run = await runCommand(commands.find((c) => c.name === name)!, { ...values, story: ref }, via, stories);
          expect(run.slips).toEqual([]);
          expect(run.replies).toHaveLength(1);
          expectOnlyLoadedStories(toText(run.replies[0]!), `/${name} story:${ref}`);
        }
      }
    });
  }

  it("through the console: `story:` paths are refused or matched to a loaded story", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (d) => (printed += d));
    input.end(refs.map((ref) => `/source 1 story:${ref}\n/ask who guards the vault? story:${ref}`).join("\n"));
    await runConsole({ input, output, stories, commands, log: createLogger({ level: "silent" }) });
    expect(printed).toMatch(/There is no story "\.\.\/\.\.\/etc\/passwd"/);
    expectOnlyLoadedStories(printed, "console");
  });

  it("while the command line, run by the operator, does read an article by path (a CLI-only feature)", async () => {
    const run = startStorybot({ args: ["ask", "--story", secretFile, "who guards the vault?"], cwd: scratch() });
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain(MARKER);
  });
});
