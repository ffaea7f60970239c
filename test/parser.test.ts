/**
 * The dependency parser: the model the repository ships finds who did what in plain news sentences,
 * its file carries the lookup tables the parser would build and is refused when damaged, and
 * `npm run train:parser` writes a model that loads (on a
 * treebank of our own few sentences; the real one is ../shared/ud-english-ewt).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyse } from "../src/engine/language/nlp.js";
import { DEFAULT_PARSER_FILE, DependencyParser, readParserFile } from "../src/engine/language/parser/parser.js";
import { FrozenPerceptron } from "../src/engine/language/parser/perceptron.js";
import { MAX_PARSED_TOKENS, treeDistance, treeOfTokens } from "../src/engine/language/parser/sentence-parse.js";
import { trainParser } from "../scripts/train-parser/train-parser.js";

const dir = mkdtempSync(join(tmpdir(), "storybot-parser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const parser = DependencyParser.fromFile(DEFAULT_PARSER_FILE);

/** word → [its head's word, its relation] */
function arcs(sentence: string): Map<string, [string, string]> {
  const tokens = analyse(sentence)[0]!.tokens;
  const { heads, labels } = parser.parse(tokens);
  return new Map(tokens.map((t, k) => [t.text, [heads[k]! < 0 ? "ROOT" : tokens[heads[k]!]!.text, labels[k]!]]));
}

describe("the shipped parser", () => {
  it("tells the subject from the object of a verb", () => {
    const a = arcs("The mayor opened the new bridge on Thursday.");
    expect(a.get("opened")).toEqual(["ROOT", "root"]);
    expect(a.get("mayor")).toEqual(["opened", "nsubj"]);
    expect(a.get("bridge")).toEqual(["opened", "obj"]);
    expect(a.get("Thursday")).toEqual(["opened", "obl"]);
    const b = arcs("Kim visited the cemetery of the Chinese soldiers.");
    expect(b.get("Kim")).toEqual(["visited", "nsubj"]);
    expect(b.get("cemetery")).toEqual(["visited", "obj"]);
    // "of the Chinese soldiers" belongs to the cemetery
    expect(b.get("soldiers")).toEqual(["cemetery", "nmod"]);
  });

  it("finds the one acted on and the doer of a passive", () => {
    const a = arcs("The bridge was built in 1871 by the Hartwell Brothers Company.");
    expect(a.get("bridge")).toEqual(["built", "nsubj:pass"]);
    expect(a.get("Company")).toEqual(["built", "obl"]);
    expect(a.get("1871")?.[0]).toBe("built");
  });

  it("gives every token one head and no cycle", () => {
    const tokens = analyse("Floodwaters from Tropical Storm Irene tore away its eastern abutment in August 2011, and state inspectors closed the bridge to trucks in 2016.")[0]!.tokens;
    const { heads } = parser.parse(tokens);
    expect(heads.filter((h) => h < 0)).toHaveLength(1);
    for (let k = 0; k < heads.length; k++) {
      let at = k;
      for (let steps = 0; at >= 0; steps++) {
        expect(steps).toBeLessThanOrEqual(heads.length);
        at = heads[at]!;
      }
    }
  });

  it("gives a sentence's tokens their depths below the root, and leaves a run-on line of thousands of words unparsed", () => {
    const short = analyse("The mayor opened the new bridge on Thursday.")[0]!;
    const tree = treeOfTokens(short, short.tokens);
    const at = (w: string) => short.tokens.findIndex((t) => t.text === w);
    expect(tree.depths[at("opened")]).toBe(0);
    expect(tree.depths[at("mayor")]).toBe(1);
    expect(tree.depths[at("new")]).toBe(2);
    expect(treeDistance(tree, at("new"), at("mayor"))).toBe(3);
    const long = analyse(`${"the bridge and the road ".repeat(6_000)}closed.`)[0]!;
    expect(long.tokens.length).toBeGreaterThan(MAX_PARSED_TOKENS);
    const flat = treeOfTokens(long, long.tokens);
    expect(flat.heads.every((h) => h === -1)).toBe(true);
    expect(treeDistance(flat, 0, long.tokens.length - 1)).toBe(2);
  });

  it("stores the slot tables the parser would build from its keys, and finds every key through them", () => {
    const { moves, labeller } = readParserFile(DEFAULT_PARSER_FILE);
    for (const stored of [moves, labeller]) {
      const built = new FrozenPerceptron(stored.classes, stored.keys, stored.weights, stored.scale);
      const bytes = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      expect(stored.slots.length).toBe(built.slots.length);
      expect(bytes(stored.slots).equals(bytes(built.slots))).toBe(true);
      // a key's weights are its row's: one feature scores as its row says
      const row = stored.keys.length >> 1;
      const expected = Array.from(stored.weights.subarray(row * stored.classes, (row + 1) * stored.classes), (w) => w * stored.scale);
      expect(Array.from(stored.score([stored.keys[row]!]))).toEqual(expected);
    }
    expect(() => new FrozenPerceptron(moves.classes, moves.keys, moves.weights, moves.scale, new Int32Array(moves.slots.length).fill(0))).toThrowError(/malformed slot table/);
  });

  it("refuses a file that is not a parser model", () => {
    const bad = join(dir, "bad.bin");
    writeFileSync(bad, "not a model");
    expect(() => readParserFile(bad)).toThrowError(/is not a storybot-parser file/);
    const truncated = join(dir, "truncated.bin");
    writeFileSync(truncated, readFileSync(DEFAULT_PARSER_FILE).subarray(0, 5000));
    expect(() => readParserFile(truncated)).toThrowError(/truncated/);
  });
});

describe("npm run train:parser", () => {
  it("trains on a treebank and writes a model that parses", () => {
    const out = join(dir, "parser.bin");
    const data = fileURLToPath(new URL("fixtures/treebank", import.meta.url));
    const { dev } = trainParser({ data, out, epochs: 5, minWeight: 0, log: () => {} });
    // eight sentences of one shape: learnt well enough to attach most of the dev words right
    expect(dev.uas).toBeGreaterThan(70);
    const trained = DependencyParser.fromFile(out);
    const tokens = analyse("The crews repaired the bridge.")[0]!.tokens;
    expect(trained.parse(tokens).heads).toHaveLength(tokens.length);
  }, 60_000);
});
