/** Malformed story files: each is reported with its name and the reason, and the other stories still load. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestText, loadStoryFile, StoryFormatError, StoryLibrary } from "../src/engine/index.js";
import { MAX_STORY_BYTES } from "../src/engine/story/library.js";
import { IN_MEMORY, openStorage, type Storage } from "../src/store/index.js";

const fixture = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

const GOOD = "A good story\n\nOSLO, May 2, 2022 (Wire) — The city opened a new library on Monday, the mayor said.\n\nIt holds 40,000 books.\n";

/** Bad files and what their error must say. */
const BAD: Record<string, RegExp> = {
  "empty.txt": /empty/i,
  "blank.txt": /empty/i,
  "binary.txt": /NUL|not a text file/i,
  "broken-front-matter.md": /front matter/i,
  "list-front-matter.txt": /front matter/i,
  "only-a-headline.txt": /no article text/i,
  "huge.txt": /too large/i,
};

let dir: string;
let storage: Storage;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "storybot-stories-"));
  storage = openStorage(IN_MEMORY);
  writeFileSync(join(dir, "good.txt"), GOOD);
  copyFileSync(fixture("fixtures/engine/lindenfeld-tram-vote-2021-11-04.txt"), join(dir, "tram.md"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "blank.txt"), "\n  \n\t\n");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x0a, 0x00, 0x42]));
  writeFileSync(join(dir, "broken-front-matter.md"), "---\ntitle: [unclosed\npublished: 2021-01-01\n---\nA story\n\nSomething happened on Monday.\n");
  writeFileSync(join(dir, "list-front-matter.txt"), "---\n- one\n- two\n---\nA story\n\nSomething happened on Monday.\n");
  writeFileSync(join(dir, "only-a-headline.txt"), "Just a headline\n");
  writeFileSync(join(dir, "huge.txt"), "word ".repeat(Math.ceil(MAX_STORY_BYTES / 5) + 10));
  // not articles: ignored, not reported
  writeFileSync(join(dir, "notes.json"), "{}");
  mkdirSync(join(dir, "drafts.txt"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  storage.close();
});

function checkLibrary(library: StoryLibrary): void {
  expect(library.ids().sort()).toEqual(["good", "tram"]);
  expect(library.size).toBe(2);
  const good = library.get("good")!;
  expect(good.title).toBe("A good story");
  expect(good.paragraphs).toHaveLength(2);
  expect(library.get("tram")!.published).toBe("2021-11-04");
  for (const [name, reason] of Object.entries(BAD)) {
    const errors = library.errors.filter((e) => e.file === join(dir, name));
    expect(errors, `one error for ${name}: ${JSON.stringify(library.errors)}`).toHaveLength(1);
    // the message names the file, so a reader of the log knows which one to fix
    expect(errors[0]!.message).toContain(name);
    expect(errors[0]!.message).toMatch(reason);
  }
  for (const e of library.errors) expect(e.file).not.toMatch(/notes\.json$/);
}

describe("StoryLibrary.fromDirectory with malformed files", () => {
  it("loads the good stories and reports each bad file with its name and reason", async () => {
    const library = await StoryLibrary.fromDirectory(dir);
    checkLibrary(library);
    // the directory named like an article is reported too, and nothing else
    expect(library.errors.map((e) => e.file).sort()).toEqual([...Object.keys(BAD), "drafts.txt"].map((n) => join(dir, n)).sort());
  });

  it("reports the bad files again when the good ones come from the cache", async () => {
    const first = await StoryLibrary.fromDirectory(dir, { cache: storage.ingest });
    checkLibrary(first);
    const second = await StoryLibrary.fromDirectory(dir, { cache: storage.ingest });
    checkLibrary(second);
    expect(second.get("good")!.paragraphs.map((p) => p.text)).toEqual(first.get("good")!.paragraphs.map((p) => p.text));
  });

  it("reports a second file with the same story id and keeps the first", async () => {
    const d = mkdtempSync(join(tmpdir(), "storybot-dupes-"));
    try {
      writeFileSync(join(d, "City Library.txt"), GOOD);
      writeFileSync(join(d, "city-library.txt"), GOOD.replace("40,000", "50,000"));
      const library = await StoryLibrary.fromDirectory(d);
      expect(library.ids()).toEqual(["city-library"]);
      expect(library.get("city-library")!.paragraphs[1]!.text).toContain("40,000");
      expect(library.errors).toHaveLength(1);
      expect(library.errors[0]!.message).toContain("city-library.txt");
      expect(library.errors[0]!.message).toMatch(/duplicate/i);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("reports a missing directory instead of throwing", async () => {
    const missing = join(dir, "no-such-dir");
    const library = await StoryLibrary.fromDirectory(missing);
    expect(library.size).toBe(0);
    expect(library.errors).toHaveLength(1);
    expect(library.errors[0]!.message).toContain(missing);
  });
});

describe("loadStoryFile and ingestText on malformed input", () => {
  it("rejects a bad file with an error naming it", async () => {
    await expect(loadStoryFile(join(dir, "empty.txt"))).rejects.toThrow(/empty\.txt.*empty/);
    await expect(loadStoryFile(join(dir, "binary.txt"))).rejects.toThrow(/binary\.txt.*NUL/);
    await expect(loadStoryFile(join(dir, "missing.txt"))).rejects.toThrow(/missing\.txt.*no such file/);
    const story = await loadStoryFile(join(dir, "good.txt"));
    expect(story.id).toBe("good");
    expect(story.file).toBe(join(dir, "good.txt"));
  });

  it("throws a StoryFormatError for text that is not an article", () => {
    expect(() => ingestText("", "x")).toThrow(StoryFormatError);
    expect(() => ingestText("PK\u0003\u0004\u0000\u0000", "x")).toThrow(StoryFormatError);
    expect(() => ingestText("---\ntitle: [oops\n---\nbody text here.", "x")).toThrow(/unreadable front matter/);
    expect(() => ingestText("Photo courtesy of Reuters\n\nShare it", "x")).toThrow(/no article text/);
  });

  it("reads valid front matter and ignores unknown keys", () => {
    const story = ingestText("---\ntitle: \"Quoted: yes\"\nsource: The Wire\npublished: 2022-05-02\ntags: [a, b]\n---\nThe city opened a library on Monday.\n", "fm");
    expect(story.title).toBe("Quoted: yes");
    expect(story.source).toBe("The Wire");
    expect(story.published).toBe("2022-05-02");
    expect(story.dates.find((d) => d.text === "Monday")?.iso).toBe("2022-05-02");
  });
});
