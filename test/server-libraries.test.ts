/**
 * A server's own stories are read as their file's format says, also when the same text arrives
 * twice under two formats: the ingest cache keys a story by its text and its format.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoryLibrary } from "../src/engine/index.js";
import { ServerLibraries } from "../src/servers/server-libraries.js";
import { IN_MEMORY, openStorage, type Storage } from "../src/store/index.js";

const MD = readFileSync(new URL("fixtures/markdown/tram-line-vote.md", import.meta.url), "utf8");

let web: Server;
let site: string;
let storage: Storage;

beforeAll(async () => {
  web = createServer((_req, res) => res.writeHead(200, { "content-type": "application/octet-stream" }).end(MD));
  await new Promise<void>((done) => web.listen(0, "127.0.0.1", done));
  site = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  storage = openStorage(IN_MEMORY);
});

afterAll(async () => {
  storage?.close();
  web?.closeAllConnections();
  await new Promise((done) => web?.close(done));
});

const upload = (name: string) => ({ file: { name, size: Buffer.byteLength(MD), url: `${site}/attachments/${name}` } });
const firstParagraph = (library: StoryLibrary, id: string) => library.get(id)?.paragraphs[0]?.text;

describe("a server's stories in the ingest cache", () => {
  it("reads the same text uploaded as .md and as .txt each in its own format, before and after the library is rebuilt", async () => {
    const servers = new ServerLibraries(StoryLibrary.empty(), storage.servers, { ingest: storage.ingest, fetch: { allow: ["127.0.0.1"] } });
    const md = await servers.add("g1", upload("tram.md"), "u1");
    const txt = await servers.add("g1", upload("tram-copy.txt"), "u1");
    expect(md.card.title).toBe("Lindenfeld votes to build its first tram line since 1961");
    // read as plain text, the front matter's title is not taken and the emphasis markers stay
    expect(txt.card.title).not.toBe(md.card.title);

    for (const servers2 of [servers, new ServerLibraries(StoryLibrary.empty(), storage.servers, { ingest: storage.ingest })]) {
      const { library } = await servers2.libraryFor("g1");
      expect(firstParagraph(library, md.id)).not.toContain("**");
      expect(library.get(txt.id)?.paragraphs.map((p) => p.text).join("\n")).toContain("**");
    }
  });
});
