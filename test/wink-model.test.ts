/**
 * The English model wink-nlp reads, loaded by src/engine/language/wink-model.ts: the same model as
 * the package's own loader builds (an upgrade that changes the package's layout fails here), and
 * the same tokens, tags, lemmas and sentences from it.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { englishModel } from "../src/engine/language/wink-model.js";
import { analyse } from "../src/engine/language/nlp.js";

describe("the English model, loaded fast", () => {
  const fast = englishModel();
  const own = model as unknown as Record<string, unknown> & { core: () => unknown; addons: Record<string, unknown> };

  it("has the package's parts, and its own loaders for all but the core", () => {
    expect(Object.keys(fast).sort()).toEqual(Object.keys(own).sort());
    for (const name of ["sbd", "pos", "ner", "negation", "sa", "metaCER", "featureFn"] as const) expect(fast[name]).toBe(own[name]);
    expect(Object.keys(fast.addons).sort()).toEqual(Object.keys(own.addons).sort());
    for (const [name, addon] of Object.entries(fast.addons)) expect(addon).toBe(own.addons[name]);
  });

  it("builds the core model the package builds", () => {
    const mine = fast.core() as unknown as Record<string, unknown>;
    const theirs = own.core() as Record<string, unknown>;
    expect(mine.lexicon).toBeInstanceOf(Uint32Array);
    expect((mine.lexicon as Uint32Array).length).toBeGreaterThan(100_000);
    expect(mine).toStrictEqual(theirs);
  });

  it("gives wink the same reading of a text", () => {
    const text = "Who sent a basket of flowers to the cemetery? Kim Jong-un's aides didn't say. “Why now?” he asked. The U.N. met on Oct. 22, 2020, in New York.";
    const read = (nlp: ReturnType<typeof winkNLP>) => {
      const doc = nlp.readDoc(text);
      const its = nlp.its;
      return { sentences: doc.sentences().out(), values: doc.tokens().out(its.value), pos: doc.tokens().out(its.pos), lemmas: doc.tokens().out(its.lemma as unknown as typeof its.value) };
    };
    expect(read(winkNLP(fast))).toEqual(read(winkNLP(model)));
  });

  it("reads the same sentences, tokens, tags and lemmas without wink's entities, sentiment and negation as with them", () => {
    const text = readFileSync(new URL("../data/stories/korea-herald-2020-10-22.txt", import.meta.url), "utf8") + "\n\nI'm sure they're right, the U.N. said on Oct. 22 in New York. “Why now?” he asked.";
    const nlp = winkNLP(model);
    const its = nlp.its;
    const tokens = nlp.readDoc(text).tokens();
    const [values, pos, lemmas] = [tokens.out(its.value), tokens.out(its.pos), tokens.out(its.lemma as unknown as typeof its.value)];
    const full = values.map((v, i) => [v, pos[i]!, lemmas[i]!]);
    const engine = analyse(text).flatMap((s) => s.tokens.map((t) => [t.text, t.pos, t.lemma]));
    // the engine splits "I'm" (nlp.ts): compare the rest
    const notIAm = (rows: string[][]) => rows.filter(([v]) => !/^(?:I'm|I|'m)$/.test(v!)).map(([v, p, l]) => [v, p, l!.toLowerCase()]);
    expect(notIAm(engine)).toEqual(notIAm(full));
    expect(engine.length).toBeGreaterThan(500);
  });
});
