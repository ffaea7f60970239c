/**
 * `npm run train:parser -- [--data DIR] [--out FILE] [--epochs N] [--limit N]`: trains the
 * dependency parser (src/engine/language/parser/) on the English Web Treebank (UD_English-EWT,
 * CC BY-SA 4.0; ../shared/ud-english-ewt by default), read in place, never copied.
 *
 * The treebank's gold tags are replaced by the engine's own tagger's (wink-nlp) wherever its
 * tokens agree with the treebank's, so the parser learns from the tags it will see when parsing
 * articles. Prints unlabelled and labelled attachment scores on the treebank's dev and test sets.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { analyse } from "../../src/engine/language/nlp.js";
import { DEFAULT_PARSER_FILE, DependencyParser, writeParserFile } from "../../src/engine/language/parser/parser.js";
import { Perceptron } from "../../src/engine/language/parser/perceptron.js";
import { LABELS, labelFeatures, labelOf, moveFeatures, ParseState } from "../../src/engine/language/parser/transitions.js";

/** Averaged weights at or below this are dropped: measured on the dev set, 2 costs 0.3 points of attachment and keeps a fifth of the features. */
const MIN_WEIGHT = 2;

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");

export interface TreeSentence {
  words: string[];
  tags: string[];
  /** padded gold heads: position of each word's head, the root being words.length + 1 */
  heads: Int32Array;
  labels: number[];
}

/** CoNLL-U → sentences (multi-word token lines and empty nodes skipped), tagged by the engine where its tokens agree. */
export function readTreebank(file: string, retag: boolean): { sentences: TreeSentence[]; retagged: number } {
  const out: TreeSentence[] = [];
  let retagged = 0;
  for (const block of readFileSync(file, "utf8").split(/\n\s*\n/)) {
    const lines = block.split("\n");
    const text = lines.find((l) => l.startsWith("# text = "))?.slice(9) ?? "";
    const rows = lines.filter((l) => /^\d+\t/.test(l)).map((l) => l.split("\t"));
    if (!rows.length) continue;
    const words = rows.map((r) => r[1]!);
    let tags = rows.map((r) => r[3]!);
    if (retag && text) {
      const mine = analyse(text).flatMap((s) => s.tokens);
      if (mine.length === words.length && mine.every((t, k) => t.text === words[k])) {
        tags = mine.map((t) => t.pos);
        retagged++;
      }
    }
    const n = words.length + 2;
    const heads = new Int32Array(n).fill(-1);
    rows.forEach((r, k) => {
      const h = Number(r[6]);
      heads[k + 1] = h === 0 ? n - 1 : h;
    });
    out.push({ words, tags, heads, labels: rows.map((r) => labelOf(r[7]!)) });
  }
  return { sentences: out, retagged };
}

/** A seeded shuffle (mulberry32), so that a training run is repeatable. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function trainEpoch(moves: Perceptron, labeller: Perceptron, sentences: readonly TreeSentence[]): void {
  const scores = new Float64Array(3);
  const labelScores = new Float64Array(LABELS.length);
  for (const s of sentences) {
    const state = ParseState.of(s.words, s.tags);
    while (!state.done) {
      const features = moveFeatures(state);
      moves.score(features, scores);
      const valid = state.valid();
      const gold = state.goldMoves(s.heads);
      let guess = valid[0]!;
      for (const m of valid) if (scores[m]! > scores[guess]!) guess = m;
      // a non-projective arc can leave no move without loss: then learn nothing here, follow the guess
      if (gold.length) {
        let best = gold[0]!;
        for (const m of gold) if (scores[m]! > scores[best]!) best = m;
        moves.update(best, guess, features);
      }
      state.apply(guess);
    }
    const n = state.n;
    const children: number[][] = Array.from({ length: n }, () => []);
    for (let d = 1; d < n - 1; d++) children[s.heads[d]!]!.push(d);
    for (let d = 1; d < n - 1; d++) {
      const features = labelFeatures(state, s.heads, children, d);
      labeller.score(features, labelScores);
      let guess = 0;
      for (let c = 1; c < LABELS.length; c++) if (labelScores[c]! > labelScores[guess]!) guess = c;
      labeller.update(s.labels[d - 1]!, guess, features);
    }
  }
}

export function attachment(parser: DependencyParser, sentences: readonly TreeSentence[]): { uas: number; las: number; tokens: number } {
  let tokens = 0;
  let heads = 0;
  let both = 0;
  for (const s of sentences) {
    const state = ParseState.of(s.words, s.tags);
    const predicted = parser.heads(state);
    const labels = parser.labels(state, predicted);
    for (let d = 1; d <= s.words.length; d++) {
      tokens++;
      if (predicted[d] === s.heads[d]) {
        heads++;
        if (labels[d - 1] === s.labels[d - 1]) both++;
      }
    }
  }
  return { uas: (100 * heads) / tokens, las: (100 * both) / tokens, tokens };
}

export interface ParserTraining {
  data: string;
  out: string;
  epochs: number;
  /** use only the first N training sentences (a test's) */
  limit?: number;
  /** drop averaged weights at or below this (default MIN_WEIGHT; a few sentences' weights are all small) */
  minWeight?: number;
  log?: (line: string) => void;
}

export function trainParser(o: ParserTraining): { dev: ReturnType<typeof attachment>; test: ReturnType<typeof attachment> } {
  const log = o.log ?? ((l: string) => process.stderr.write(l + "\n"));
  const started = Date.now();
  const train = readTreebank(join(o.data, "train.conllu"), true);
  const sentences = o.limit ? train.sentences.slice(0, o.limit) : train.sentences;
  log(`${sentences.length} training sentences, ${train.retagged} of ${train.sentences.length} with the engine's own tags`);
  const moves = new Perceptron(3);
  const labeller = new Perceptron(LABELS.length);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    trainEpoch(moves, labeller, shuffled(sentences, epoch));
    log(`  epoch ${epoch}/${o.epochs} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  // small weights barely move a decision: dropping them keeps the model to about 2 MB (docs/answering.md)
  const frozenMoves = moves.freeze(o.minWeight ?? MIN_WEIGHT);
  const frozenLabels = labeller.freeze(o.minWeight ?? MIN_WEIGHT);
  const parser = new DependencyParser(frozenMoves, frozenLabels);
  const dev = attachment(parser, readTreebank(join(o.data, "dev.conllu"), true).sentences);
  const test = attachment(parser, readTreebank(join(o.data, "test.conllu"), true).sentences);
  writeParserFile(o.out, frozenMoves, frozenLabels, { sentences: sentences.length, epochs: o.epochs, features: { moves: frozenMoves.features, labels: frozenLabels.features }, dev, test });
  log(`dev UAS ${dev.uas.toFixed(1)} LAS ${dev.las.toFixed(1)}; test UAS ${test.uas.toFixed(1)} LAS ${test.las.toFixed(1)} (${dev.tokens + test.tokens} tokens, the engine's tags); ${frozenMoves.features} + ${frozenLabels.features} features; written to ${o.out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return { dev, test };
}

function main(): void {
  const program = new Command("train:parser")
    .description("train the dependency parser on the English Web Treebank")
    .option("--data <dir>", "a folder with train.conllu, dev.conllu and test.conllu", join(ROOT, "../shared/ud-english-ewt"))
    .option("--out <file>", "where to write the parser", DEFAULT_PARSER_FILE)
    .option("--epochs <n>", "passes over the training sentences", (v) => Number.parseInt(v, 10), 10)
    .option("--limit <n>", "use only the first N training sentences", (v) => Number.parseInt(v, 10))
    .parse();
  const o = program.opts<{ data: string; out: string; epochs: number; limit?: number }>();
  trainParser({ data: o.data, out: o.out, epochs: o.epochs, limit: o.limit });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

