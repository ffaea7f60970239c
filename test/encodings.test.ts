/** Article files that are not UTF-8: told apart by a library and decoded, or refused by name; never turned into U+FFFD. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { decodeArticle, loadStoryFile, StoryLibrary } from "../src/engine/index.js";

const ARTICLE = `Café in Zürich closes after 120 years

ZÜRICH, March 3, 2022 (Wire) — The Café Odéon, where writers met for “a century of talk”, closed on Tuesday, its owner Renée Müller said.

Guests paid €4.50 for a coffee; the façade is protected.
`;
const dir = mkdtempSync(join(tmpdir(), "storybot-encodings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe("decodeArticle", () => {
  it("reads UTF-8 with and without a byte-order mark, and UTF-16 with one", () => {
    expect(decodeArticle(Buffer.from(ARTICLE))).toBe(ARTICLE);
    expect(decodeArticle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]))).toBe(ARTICLE);
    expect(decodeArticle(iconv.encode(ARTICLE, "utf-16le", { addBOM: true }))).toBe(ARTICLE);
  });

  it("tells windows-1252 and KOI8-R apart by their statistics", () => {
    expect(decodeArticle(iconv.encode(ARTICLE, "windows-1252"))).toBe(ARTICLE);
    const russian = "Мэр Новгорода открыл новый мост через реку во вторник, сообщили городские власти. Мост строили три года, и он стоил двести миллионов рублей. Жители города давно ждали этого события, потому что старый мост был закрыт на ремонт. По словам мэра, движение по мосту будет открыто для автомобилей и пешеходов уже в среду.";
    expect(decodeArticle(iconv.encode(russian, "koi8-r"))).toBe(russian);
  });

  it("believes a page's own <meta charset> over a guess", () => {
    const page = `<html><head><meta charset="windows-1251"></head><body><p>Мост открыт.</p></body></html>`;
    expect(decodeArticle(iconv.encode(page, "windows-1251"))).toBe(page);
  });

  it("refuses bytes it cannot read, with the reason", () => {
    const noise = Buffer.from(Array.from({ length: 64 }, (_, i) => [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xfe, 0xff, 0xc0][i % 8]!));
    expect(() => decodeArticle(noise)).toThrow(/not UTF-8, and its encoding could not be told/);
  });
});

describe("a library of files in other encodings", () => {
  it("loads a windows-1252 file as its characters and names a file it cannot read", async () => {
    write("latin.txt", iconv.encode(ARTICLE, "windows-1252"));
    write("noise.txt", Buffer.from(Array.from({ length: 200 }, (_, i) => [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xfe, 0xff, 0xc0, 0x41][i % 9]!)));
    const library = await StoryLibrary.fromDirectory(dir);
    const story = library.get("latin")!;
    expect(story.title).toBe("Café in Zürich closes after 120 years");
    expect(story.paragraphs.map((p) => p.text).join("\n")).toContain("Renée Müller");
    expect(story.paragraphs.some((p) => p.text.includes("\uFFFD"))).toBe(false);
    expect(library.ids()).not.toContain("noise");
    expect(library.errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`${join(dir, "noise.txt")}: not UTF-8, and its encoding could not be told.*save it as UTF-8`))]);
  });

  it("reads a UTF-16 file given by path", async () => {
    const story = await loadStoryFile(write("wide.txt", iconv.encode(ARTICLE, "utf-16le", { addBOM: true })));
    expect(story.place).toBe("Zürich");
  });
});
