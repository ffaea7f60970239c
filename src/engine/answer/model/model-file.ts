/**
 * The answer model's file (data/model/answer-model.bin; docs/answering.md gives the layout): a JSON
 * header with all but the trees, then both tree ensembles as trees.ts evaluates them, packed, so
 * that loading copies arrays out instead of parsing 12,000 nodes of JSON and packing them (that took
 * ~15 ms of a cold `storybot ask`). scripts/train/fit.py writes LightGBM's trees as JSON (the
 * training format below); `modelFromTraining` packs it and `writeModelFile` stores it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pack, type Ensemble, type Tree } from "./trees.js";
import type { Calibration } from "./calibration.js";

export const MODEL_FORMAT = "storybot-answer-model";
/** 1 was the JSON fit.py writes; 2 is this file */
export const MODEL_VERSION = 2;
const MAGIC = "SBANSWER";

export class ModelError extends Error {}

/** Every candidate gets the first `trees` trees, the `finalists` best the whole ranker (answer-model.ts, scoreByCascade). */
export interface Cascade {
  trees: number;
  finalists: number;
}

interface Sizes {
  trees: number;
  nodes: number;
  leaves: number;
}

/** The file's JSON header. `checks` and `training` are fit.py's, for tests and the docs. */
export interface ModelHeader {
  format: string;
  version: number;
  features: string[];
  ranker: Sizes & { cascade?: Cascade };
  abstainer: Sizes & { features: string[]; calibration: Calibration };
  threshold: number;
  checks?: unknown;
  training?: unknown;
}

export interface ModelData {
  header: ModelHeader;
  ranker: Ensemble;
  abstainer: Ensemble;
}

/** What fit.py writes: the trees as LightGBM made them, flattened (trees.ts, Tree). */
export interface TrainingModel extends Omit<ModelHeader, "version" | "ranker" | "abstainer"> {
  version: 1;
  ranker: { trees: Tree[]; cascade?: Cascade };
  abstainer: { features: string[]; trees: Tree[]; calibration: Calibration };
}

const sizes = (e: Ensemble): Sizes => ({ trees: e.roots.length, nodes: e.feature.length, leaves: e.leaves.length });

function validTree(t: Tree): boolean {
  const n = t.f?.length ?? -1;
  if (n < 1 || t.t?.length !== n || t.l?.length !== n || t.r?.length !== n || !t.v?.length) return false;
  // LightGBM's trees are flattened parent first: a child after its parent, so evaluation ends
  const child = (c: number, i: number) => Number.isInteger(c) && (c >= 0 ? c > i && c < n : ~c < t.v.length);
  return t.f.every(Number.isInteger) && t.l.every(child) && t.r.every(child) && t.t.every((x) => !Number.isNaN(x)) && t.v.every(Number.isFinite);
}

/** fit.py's JSON, packed; a tree that is no tree is refused here, the rest when the file is read. */
export function modelFromTraining(m: TrainingModel, where: string): ModelData {
  if (m?.format !== MODEL_FORMAT || m.version !== 1) throw new ModelError(`${where} is not a ${MODEL_FORMAT} v1 (training) file`);
  if (!m.ranker?.trees?.every(validTree) || !m.abstainer?.trees?.every(validTree)) throw new ModelError(`${where}: a tree is malformed`);
  const ranker = pack(m.ranker.trees);
  const abstainer = pack(m.abstainer.trees);
  const { ranker: r, abstainer: a, ...rest } = m;
  const header: ModelHeader = { ...rest, version: MODEL_VERSION, ranker: { ...sizes(ranker), ...(r.cascade ? { cascade: r.cascade } : {}) }, abstainer: { ...sizes(abstainer), features: a.features, calibration: a.calibration } };
  return { header, ranker, abstainer };
}

const pad4 = (n: number) => (n + 3) & ~3;
/** Each ensemble's arrays in the file's order. */
const ARRAYS = ["roots", "feature", "threshold", "left", "right", "leaves"] as const;

/**
 * The file: "SBANSWER", the header's byte length (uint32 LE), the JSON header padded to 4 bytes,
 * then the ranker's and the abstainer's arrays, each in ARRAYS' order, little-endian.
 */
export function writeModelFile(file: string, { header, ranker, abstainer }: ModelData): void {
  const json = Buffer.from(JSON.stringify({ ...header, ranker: { ...header.ranker, ...sizes(ranker) }, abstainer: { ...header.abstainer, ...sizes(abstainer) } }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts: Buffer[] = [Buffer.from(MAGIC), length, json, Buffer.alloc(pad4(json.length) - json.length)];
  for (const e of [ranker, abstainer]) for (const name of ARRAYS) parts.push(Buffer.from(e[name].buffer, e[name].byteOffset, e[name].byteLength));
  writeFileSync(file, Buffer.concat(parts));
}

function parseHeader(file: string, bytes: Buffer): ModelHeader {
  if (bytes.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) {
    const json = bytes.subarray(0, 1).toString() === "{";
    throw new ModelError(`${file} is not a ${MODEL_FORMAT} v${MODEL_VERSION} file${json ? " (a JSON model: convert it with npm run train)" : ""}`);
  }
  const length = bytes.length >= 12 ? bytes.readUInt32LE(8) : Infinity;
  if (12 + length > bytes.length) throw new ModelError(`${file} is truncated`);
  let header: ModelHeader;
  try {
    header = JSON.parse(bytes.subarray(12, 12 + length).toString()) as ModelHeader;
  } catch {
    throw new ModelError(`${file}: the header is not JSON`);
  }
  if (header?.format !== MODEL_FORMAT || header.version !== MODEL_VERSION) throw new ModelError(`${file} is not a ${MODEL_FORMAT} v${MODEL_VERSION} file`);
  return header;
}

/**
 * Children within the ensemble and after their node, so that evaluation ends; features within the
 * row. One plain loop: it runs once, cold, on the way to the first answer.
 */
function validEnsemble({ roots, feature, threshold, left, right, leaves }: Ensemble, width: number): boolean {
  const nodes = feature.length;
  const leafCount = leaves.length;
  for (let k = 0; k < roots.length; k++) if (!(roots[k]! >= 0 && roots[k]! < nodes)) return false;
  for (let i = 0; i < nodes; i++) {
    const f = feature[i]!;
    const l = left[i]!;
    const r = right[i]!;
    if (!(f >= 0 && f < width) || threshold[i] !== threshold[i]) return false;
    if (l >= 0 ? l <= i || l >= nodes : ~l >= leafCount) return false;
    if (r >= 0 ? r <= i || r >= nodes : ~r >= leafCount) return false;
  }
  for (let i = 0; i < leafCount; i++) if (!Number.isFinite(leaves[i]!)) return false;
  return true;
}

export function readModelFile(file: string, widths: { ranker: number; abstainer: number }): ModelData {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ModelError(`cannot read the answer model ${file}: ${(e as Error).message}`);
  }
  const header = parseHeader(file, bytes);
  let at = 12 + pad4(bytes.readUInt32LE(8));
  // copied out, so that each array is aligned whatever the header's length
  const take = <T>(Kind: { new (b: ArrayBufferLike): T; BYTES_PER_ELEMENT: number }, count: number): T => {
    const end = at + count * Kind.BYTES_PER_ELEMENT;
    if (!(Number.isInteger(count) && count >= 0 && end <= bytes.length)) throw new ModelError(`${file} is truncated`);
    const out = new Kind(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + end));
    at = end;
    return out;
  };
  const ensemble = ({ trees, nodes, leaves }: Sizes): Ensemble => ({
    roots: take(Int32Array, trees),
    feature: take(Int32Array, nodes),
    threshold: take(Float32Array, nodes),
    left: take(Int32Array, nodes),
    right: take(Int32Array, nodes),
    leaves: take(Float64Array, leaves),
  });
  const ranker = ensemble(header.ranker ?? { trees: NaN, nodes: NaN, leaves: NaN });
  const abstainer = ensemble(header.abstainer ?? { trees: NaN, nodes: NaN, leaves: NaN });
  if (at !== bytes.length) throw new ModelError(`${file} has bytes after its trees`);
  if (!validEnsemble(ranker, widths.ranker) || !validEnsemble(abstainer, widths.abstainer)) throw new ModelError(`${file}: a tree is malformed`);
  return { header, ranker, abstainer };
}
