/**
 * Dependency parses of sentences: for each token its head (another token of the sentence, or -1
 * for the root) and its relation (UD's labels: nsubj, obj, obl, …). The model is trained from the
 * English Web Treebank by `npm run train:parser` (scripts/train-parser/) and read from
 * data/model/parser-model.bin on first use; docs/answering.md gives its accuracy.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MODEL_DIR } from "../../model-dir.js";
import { FrozenPerceptron, tableSize } from "./perceptron.js";
import { LABELS, LEFT, MAX_FEATURES, ParseState, RIGHT, SHIFT, writeLabelFeatures, writeMoveFeatures } from "./transitions.js";

export const PARSER_FORMAT = "storybot-parser";
export const PARSER_VERSION = 2;
const MAGIC = "SBPARSE1";

export const DEFAULT_PARSER_FILE = join(MODEL_DIR, "parser-model.bin");

export interface Parse {
  /** index of each token's head in the sentence, -1 for the root */
  heads: number[];
  labels: string[];
}

interface TableHeader {
  classes: number;
  rows: number;
  scale: number;
}

/** What the file's JSON header holds. */
export interface ParserHeader {
  format: string;
  version: number;
  labels: string[];
  moves: TableHeader;
  labeller: TableHeader;
  training?: unknown;
}

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * The file: "SBPARSE1", the header's byte length (uint32 LE), the JSON header padded to 4 bytes,
 * then for each table (moves, labeller) its keys (uint32 LE), its int8 weights padded to 4 bytes,
 * and (since version 2) its slot table (int32 LE, perceptron.ts), whose length the keys' count gives.
 */
export function writeParserFile(file: string, moves: FrozenPerceptron, labeller: FrozenPerceptron, training: unknown): void {
  const table = (t: FrozenPerceptron): TableHeader => ({ classes: t.classes, rows: t.keys.length, scale: t.scale });
  const header: ParserHeader = { format: PARSER_FORMAT, version: PARSER_VERSION, labels: [...LABELS], moves: table(moves), labeller: table(labeller), training };
  const json = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [Buffer.from(MAGIC), Buffer.alloc(4), Buffer.concat([json, Buffer.alloc(pad4(json.length) - json.length)])];
  parts[1]!.writeUInt32LE(json.length);
  const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  for (const t of [moves, labeller]) {
    parts.push(bytesOf(t.keys));
    const w = bytesOf(t.weights);
    parts.push(Buffer.concat([w, Buffer.alloc(pad4(w.length) - w.length)]), bytesOf(t.slots));
  }
  writeFileSync(file, Buffer.concat(parts));
}

export function readParserFile(file: string): { header: ParserHeader; moves: FrozenPerceptron; labeller: FrozenPerceptron } {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8).toString() !== MAGIC) throw new Error(`${file} is not a ${PARSER_FORMAT} file`);
  const length = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.subarray(12, 12 + length).toString()) as ParserHeader;
  if (header.format !== PARSER_FORMAT || header.version !== PARSER_VERSION) throw new Error(`${file} is not a ${PARSER_FORMAT} v${PARSER_VERSION} file`);
  if (JSON.stringify(header.labels) !== JSON.stringify(LABELS)) throw new Error(`${file} has other labels than this engine: retrain it with npm run train:parser`);
  let at = 12 + pad4(length);
  // views of the file's bytes where they are aligned (a file read whole is), else copies
  const take = <T>(Kind: { new (b: ArrayBufferLike, offset?: number, length?: number): T; BYTES_PER_ELEMENT: number }, count: number, padded = count * Kind.BYTES_PER_ELEMENT): T => {
    const start = bytes.byteOffset + at;
    at += padded;
    if (at > bytes.length) throw new Error(`${file} is truncated`);
    return start % Kind.BYTES_PER_ELEMENT === 0 ? new Kind(bytes.buffer, start, count) : new Kind(bytes.buffer.slice(start, start + count * Kind.BYTES_PER_ELEMENT));
  };
  const read = (t: TableHeader): FrozenPerceptron => {
    const keys = take(Uint32Array, t.rows);
    const weights = take(Int8Array, t.rows * t.classes, pad4(t.rows * t.classes));
    const slots = take(Int32Array, tableSize(t.rows));
    return new FrozenPerceptron(t.classes, keys, weights, t.scale, slots);
  };
  const moves = read(header.moves);
  const labeller = read(header.labeller);
  return { header, moves, labeller };
}

export class DependencyParser {
  constructor(
    readonly moves: FrozenPerceptron,
    readonly labeller: FrozenPerceptron,
  ) {}

  static fromFile(file: string): DependencyParser {
    const { moves, labeller } = readParserFile(file);
    return new DependencyParser(moves, labeller);
  }

  /** Unlabelled heads, padded positions (see transitions.ts). */
  heads(state: ParseState): Int32Array {
    const scores = new Float64Array(3);
    const features = new Uint32Array(MAX_FEATURES);
    while (!state.done) {
      this.moves.score(features, scores, writeMoveFeatures(state, features));
      // the valid moves in ParseState.valid()'s order, without its array: the first best wins
      let best = -1;
      if (state.i + 1 < state.n) best = SHIFT;
      if (state.stack.length >= 2 && (best < 0 || scores[RIGHT]! > scores[best]!)) best = RIGHT;
      if (state.stack.length >= 1 && (best < 0 || scores[LEFT]! > scores[best]!)) best = LEFT;
      state.apply(best);
    }
    return state.heads;
  }

  /** Labels for padded heads. */
  labels(state: ParseState, heads: Int32Array): number[] {
    const n = state.n;
    const children: number[][] = Array.from({ length: n }, () => []);
    for (let d = 1; d < n - 1; d++) if (heads[d]! >= 0) children[heads[d]!]!.push(d);
    const scores = new Float64Array(LABELS.length);
    const features = new Uint32Array(MAX_FEATURES);
    const out: number[] = [];
    for (let d = 1; d < n - 1; d++) {
      this.labeller.score(features, scores, writeLabelFeatures(state, heads, children, d, features));
      // a word attached to the root is the root; no other word is
      let best = -1;
      for (let c = 0; c < LABELS.length; c++) {
        if ((heads[d] === n - 1) !== (LABELS[c] === "root")) continue;
        if (best < 0 || scores[c]! > scores[best]!) best = c;
      }
      out.push(best);
    }
    return out;
  }

  parse(tokens: readonly { text: string; pos: string }[]): Parse {
    if (!tokens.length) return { heads: [], labels: [] };
    const state = ParseState.of(tokens.map((t) => t.text), tokens.map((t) => t.pos));
    const padded = this.heads(state);
    const labels = this.labels(state, padded);
    const root = state.n - 1;
    return {
      heads: tokens.map((_, k) => {
        const h = padded[k + 1]!;
        return h === root || h < 1 ? -1 : h - 1;
      }),
      labels: labels.map((l) => LABELS[l]!),
    };
  }
}

let shared: DependencyParser | null = null;

/** The parser the engine uses, read on first use. */
export function dependencyParser(): DependencyParser {
  return (shared ??= DependencyParser.fromFile(DEFAULT_PARSER_FILE));
}
