/**
 * wink-eng-lite-web-model, with a faster core loader. The package's own requires its 3 MB JSON
 * when imported, and on load deep-copies it (JSON.parse(JSON.stringify)) and decodes its lexicon's
 * base64 a character at a time: ~45 ms of a cold `storybot ask`. This reads the same file with one
 * parse (the copy is ours, so nothing needs copying) and Node's base64 decoder, then finishes the
 * model as the package's read-core-model.js and load-core-model.js do (1.8.1, pinned exactly).
 * Every other part is the package's own module. test/wink-model.test.ts checks that the model
 * equals the package's, so an upgrade that changes its layout fails there, not in answers.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type model from "wink-eng-lite-web-model";
import { require } from "../lazy-require.js";

const DIST = dirname(require.resolve("wink-eng-lite-web-model"));

/** [bits, mask, shift, isIndexed (0: a list to hash), isExtractable] per feature */
type Layout = Record<string, [number, number, number, number, number]>;
interface Feature {
  list: unknown[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  packing: { layout: Layout; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: Feature };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** Little-endian words, as the package's Uint32Array over atob's bytes (its own ArrayBuffer: aligned). */
function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, "base64");
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

function hashOf(list: readonly unknown[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k++) hash[list[k] as string] = k;
  return hash;
}

function core(): CoreModel {
  const m = JSON.parse(readFileSync(join(DIST, "languages/cur/models/eng-core-web-model.json"), "utf8")) as CoreModel;
  m.lexicon = words(m.lexicon as string);
  m.xpansions = words(m.xpansions as string);
  const { layout } = m.packing;
  const f = m.features;
  for (const name in layout) if (layout[name]![3] === 0) f[name]!.hash = hashOf(f[name]!.list);
  f.lexeme.hash = hashOf(f.lexeme.list);
  const clusters = f.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split("_").map((tag) => m.pos.hash[tag] || 0));
  m.packing.efList = [];
  for (const name in layout) {
    const [, mask, shift, indexed, extractable] = layout[name]!;
    if (indexed === 0) {
      const feature = f[name]!;
      feature.intrinsicSize = feature.index = feature.list.length;
      feature.maxIndex = mask >>> shift;
    }
    if (extractable === 1) m.packing.efList.push(name);
  }
  f.lexeme.intrinsicSize = f.lexeme.index = f.lexeme.list.length;
  return m;
}

/** The package's model object (its dist/model.js), with the core loader above; its parts are read when called. */
export const englishModel = () => ({
  core,
  sbd: require("wink-eng-lite-web-model/dist/load-sbd-model.js") as unknown,
  pos: require("wink-eng-lite-web-model/dist/load-pos-model.js") as unknown,
  ner: require("wink-eng-lite-web-model/dist/load-ner-model.js") as unknown,
  negation: require("wink-eng-lite-web-model/dist/load-negation-model.js") as unknown,
  sa: require("wink-eng-lite-web-model/dist/load-sa-model.js") as unknown,
  metaCER: require("wink-eng-lite-web-model/dist/load-cer-meta-model.js") as unknown,
  featureFn: require("wink-eng-lite-web-model/dist/feature.js") as unknown,
  addons: {
    stem: require("wink-eng-lite-web-model/dist/porter-stemmer.js") as unknown,
    lemmatize: require("wink-eng-lite-web-model/dist/lemmatize.js") as unknown,
    readabilityStats: require("wink-eng-lite-web-model/dist/readability-stats.js") as unknown,
    wordVectors: undefined,
  },
}) satisfies typeof model;
