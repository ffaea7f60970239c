/**
 * The English model wink-nlp reads, loaded by src/engine/language/wink-model.ts: the same model as
 * the package's own loader builds (an upgrade that changes the package's layout fails here), and
 * the same tokens, tags, lemmas and sentences from it.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { describe, expect, it } from "vitest";
import { englishModel } from "../src/engine/language/wink-model.js";

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
});
