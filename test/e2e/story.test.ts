/**
 * /story end to end: the real discord.js client against the emulator, adding stories by link (a
 * local HTTP server) and by upload (the emulator's attachment CDN), the Manage Server check, each
 * server's own library and default, and the refusal of private addresses. The shared library is
 * a temporary directory of the test's own articles, never data/stories/.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandData } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { launchBot, type RunningBot } from "../../src/discord/bot.js";
import { StoryLibrary } from "../../src/engine/index.js";
import { createLogger } from "../../src/log.js";
import { ServerLibraries } from "../../src/servers/server-libraries.js";
import { IN_MEMORY, openStorage, type Storage } from "../../src/store/index.js";
import { HeavyWork } from "../../src/workers/heavy-work.js";
import { DiscordEmulator } from "../emulator/emulator.js";
import { autocomplete, slashCommand, subcommand } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";

const EPHEMERAL = 64;
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const FERRY = readFileSync(fixture("scale/ferry-strike-2022-03-04.txt"), "utf8");
const BRIDGE = readFileSync(fixture("ashford-bridge-2023-05-12.txt"), "utf8");
const PAGE = readFileSync(fixture("pages/ferry-fire-port-ellery.html"), "utf8");

let emulator: DiscordEmulator;
let bot: RunningBot;
let storage: Storage;
let web: Server;
let site: string;
let sharedDir: string;
const admin = user("editor");

/** The bot's worker pool, noting which stories went to a worker (read from their file) and which were summarised in place. */
class WatchedWork extends HeavyWork {
  readonly seen: string[] = [];
  override summarize(...args: Parameters<HeavyWork["summarize"]>): ReturnType<HeavyWork["summarize"]> {
    this.seen.push(`${args[0].id}: ${args[0].file ? "worker" : "in place"}`);
    return super.summarize(...args);
  }
}
let heavy: WatchedWork;

beforeAll(async () => {
  sharedDir = mkdtempSync(join(tmpdir(), "storybot-shared-"));
  copyFileSync(fixture("scale/glacier-survey-2021-08-12.txt"), join(sharedDir, "glacier-survey-2021-08-12.txt"));
  web = createServer((req, res) => {
    if (req.url === "/news/ferry-strike.txt") res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(FERRY);
    else if (req.url === "/2023/09/14/ferry-fire") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else if (req.url === "/to-metadata") res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => web.listen(0, "127.0.0.1", done));
  site = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  emulator = await DiscordEmulator.start({ guilds: 2 });
  storage = openStorage(IN_MEMORY);
  const shared = await StoryLibrary.fromDirectory(sharedDir, { cache: storage.ingest });
  const servers = new ServerLibraries(shared, storage.servers, { ingest: storage.ingest, fetch: { allow: ["127.0.0.1"] } });
  const stories = new Stories(shared);
  stories.heavy = heavy = new WatchedWork({ dbFile: null, threads: 1 });
  bot = await launchBot({
    token: emulator.world.token,
    apiUrl: emulator.apiUrl,
    stories,
    servers,
    log: createLogger({ level: "silent" }),
    commands,
    cooldown: { limit: 100, windowMs: 1000 },
  });
});

afterAll(async () => {
  await bot?.client.destroy();
  await heavy?.close();
  await emulator?.close();
  storage?.close();
  web?.closeAllConnections();
  await new Promise((done) => web?.close(done));
  rmSync(sharedDir, { recursive: true, force: true });
});

/** The text the user finally sees (content, embed titles, descriptions and footers): the reply, or the edit of a deferred one; and whether it was private. */
async function run(interaction: { id: string; token: string }): Promise<{ text: string; private: boolean; deferred: boolean }> {
  const callback = await emulator.interact(interaction);
  const deferred = callback.body.type === 5;
  const message = deferred ? (await emulator.rest.waitFor((c) => c.method === "PATCH" && c.path.endsWith(`/${interaction.token}/messages/@original`), 15_000)).body : callback.body.data;
  const text = [message.content ?? "", ...(message.embeds ?? []).map((e: { title?: string; description?: string; footer?: { text?: string } }) => `${e.title ?? ""}\n${e.description ?? ""}\n${e.footer?.text ?? ""}`)].join("\n");
  return { text, private: ((deferred ? callback.body.data?.flags : message.flags) & EPHEMERAL) === EPHEMERAL, deferred };
}

const [guildA, guildB] = [() => emulator.world.guilds[0]!, () => emulator.world.guilds[1]!];
const story = (sub: string, values: Record<string, string> = {}, o: Parameters<typeof subcommand>[5] = {}) => run(subcommand(emulator.world, admin, "story", sub, values, o));
const ask = (question: string, guild = guildA(), extra: Record<string, string> = {}) => run(slashCommand(emulator.world, admin, "ask", { question, ...extra }, guild));

describe("/story", () => {
  it("is registered for Manage Server members in servers only", () => {
    const data = commands.find((c) => c.name === "story")!.data as CommandData;
    expect(data.default_member_permissions).toBe("32");
    expect(data.contexts).toEqual([0]);
    expect(data.options?.map((o) => o.name)).toEqual(["add", "remove", "default", "list"]);
  });

  it("adds a story from a link, privately, with a deferred reply that is then edited; the server can ask about it", async () => {
    const added = await story("add", { url: `${site}/news/ferry-strike.txt` });
    expect(added.deferred).toBe(true);
    expect(added.private).toBe(true);
    expect(added.text).toMatch(/Added \*\*Island ferry crews end nine-day strike after pay deal\*\* \(id: ferry-strike\)/);
    const answer = await ask("Who announced the agreement outside the Gunwharf terminal?", guildA(), { story: "ferry-strike" });
    expect(answer.text).toContain("Graham Oyelaran");
  });

  it("adds a web page by its link, read as an article, never as markup", async () => {
    const added = await story("add", { url: `${site}/2023/09/14/ferry-fire` });
    expect(added.text).toMatch(/Added \*\*Ferry fire forces evacuation in Port Ellery harbour\*\* \(id: ferry-fire\)/);
    expect(added.text).toMatch(/The Coastal Ledger/);
    const answer = await ask("Where did the ferry fire happen?", guildA(), { story: "ferry-fire" });
    expect(answer.text).not.toMatch(/<\/?[a-z]+[ >]/);
    expect(answer.text).toMatch(/Ferry fire forces evacuation/);
    expect((await story("remove", { story: "ferry-fire" })).text).toMatch(/Removed/);
  });

  it("adds a story from an uploaded file, downloaded from the attachment CDN", async () => {
    const file = emulator.attachments.upload("ashford-bridge.txt", BRIDGE);
    const added = await story("add", {}, { attachments: { file } });
    expect(added.text).toMatch(/Added \*\*Ashford reopens its covered bridge after a three-year restoration\*\* \(id: ashford-bridge\)/);
    expect(emulator.attachments.downloads).toContain(new URL(file.url).pathname);
    expect((await ask("Who cut the ribbon?", guildA(), { story: "ashford-bridge" })).text).toContain("Dana Whitfield");
  });

  it("keeps each server's stories to itself: listing, autocomplete and questions", async () => {
    const listA = await story("list");
    expect(listA.text).toMatch(/3 stories in this server/);
    expect(listA.text).toMatch(/ferry-strike · added/);
    expect(listA.text).toMatch(/glacier-survey-2021-08-12 · shared/);
    const listB = await story("list", {}, { guild: guildB() });
    expect(listB.text).toMatch(/1 story in this server/);
    expect(listB.text).not.toMatch(/ferry/);

    const choices = async (guild: ReturnType<typeof guildA>) => {
      const call = await emulator.interact(autocomplete(emulator.world, admin, "ask", { question: "who", story: "" }, "story", guild));
      return call.body.data.choices.map((c: { value: string }) => c.value);
    };
    expect(await choices(guildA())).toEqual(expect.arrayContaining(["ferry-strike", "ashford-bridge", "glacier-survey-2021-08-12"]));
    expect(await choices(guildB())).toEqual(["glacier-survey-2021-08-12"]);
    expect((await ask("Who announced the agreement?", guildB(), { story: "ferry-strike" })).text).not.toContain("Graham Oyelaran");
  });

  it("summarises a server's own story in place and a shared one in the bot's worker threads", { timeout: 60_000 }, async () => {
    const own = await run(slashCommand(emulator.world, admin, "summary", { story: "ferry-strike" }, guildA()));
    expect(own.text).toMatch(/Island ferry crews end nine-day strike/);
    expect(own.text).toMatch(/\(¶1\)/);
    const shared = await run(slashCommand(emulator.world, admin, "summary", { story: "glacier-survey-2021-08-12" }, guildA()));
    expect(shared.text).toMatch(/\(¶1\)/);
    expect(heavy.seen).toEqual(["ferry-strike: in place", "glacier-survey-2021-08-12: worker"]);
  });

  it("sets a server's default story, which only that server's commands use", async () => {
    const set = await story("default", { story: "ferry" });
    expect(set.text).toMatch(/now use “Island ferry crews end nine-day strike after pay deal”/);
    expect((await ask("Who announced the agreement outside the Gunwharf terminal?")).text).toContain("Graham Oyelaran");
    expect((await ask("Who led the survey?", guildB())).text).toContain("Lena Hofstetter");
    expect((await story("list")).text).toMatch(/Island ferry crews end nine-day strike after pay deal\*\* \(default\)/);
    expect((await story("default")).text).toMatch(/bot's default story/);
  });

  it("refuses members without Manage Server, and changes nothing", async () => {
    const member = user("reader");
    const refused = await run(subcommand(emulator.world, member, "story", "remove", { story: "ferry-strike" }, { permissions: String(1 << 11) }));
    expect(refused.private).toBe(true);
    expect(refused.text).toMatch(/Only members who can manage this server/);
    expect((await story("list")).text).toMatch(/ferry-strike · added/);
  });

  it("refuses private addresses, directly and behind a redirect, and links it cannot read", async () => {
    expect((await story("add", { url: "http://10.1.2.3/story.txt" })).text).toMatch(/10\\?\.1\.2\.3 is a private address/);
    expect((await story("add", { url: `${site}/to-metadata` })).text).toMatch(/169\\?\.254\.169\.254 is a link-local address/);
    expect((await story("add", { url: "ftp://example.com/a.txt" })).text).toMatch(/Only http and https/);
    expect((await story("add", { url: `${site}/missing.txt` })).text).toMatch(/answered 404/);
    expect((await story("add")).text).toMatch(/one of the two/);
    const notArticle = emulator.attachments.upload("photo.png", Buffer.alloc(8));
    expect((await story("add", {}, { attachments: { file: notArticle } })).text).toMatch(/photo\.png is not an article file/);
    const empty = emulator.attachments.upload("empty.md", "   \n");
    expect((await story("add", {}, { attachments: { file: empty } })).text).toMatch(/empty\.md could not be read as an article: the article is empty/);
    expect((await story("list")).text).toMatch(/3 stories in this server/);
  });

  it("removes a server's own story, but not a shared one", async () => {
    expect((await story("remove", { story: "glacier-survey-2021-08-12" })).text).toMatch(/one of the bot's shared stories/);
    expect((await story("remove", { story: "ashford-bridge" })).text).toMatch(/Removed “Ashford reopens its covered bridge/);
    expect((await story("list")).text).toMatch(/2 stories in this server/);
    expect((await ask("Who cut the ribbon?", guildA(), { story: "ashford-bridge" })).text).not.toContain("Dana Whitfield");
  });
});
