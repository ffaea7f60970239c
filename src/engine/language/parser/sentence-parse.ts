/**
 * A sentence's dependency parse, made when a question first looks at the sentence and kept as long
 * as the sentence is: a question reads a few sentences of a story, so most are never parsed. A
 * story read back from the cache brings its sentences' parses, stored when it was written.
 */
import type { Sentence, Token } from "../../types.js";
import { decodeParse, encodeParse } from "./parse-code.js";
import { dependencyParser, type Parse } from "./parser.js";

/** A parse with what tree distances need: each token's depth below the root. */
export interface Tree extends Parse {
  depths: number[];
}

/**
 * Sentences longer than this are not parsed (a pasted table or a run-on line of thousands of
 * words): every token then hangs from the root, and the parse features say nothing about them.
 */
export const MAX_PARSED_TOKENS = 150;

/** A parse with each token's depth below the root. */
export function treeOf(parse: Parse): Tree {
  const { heads } = parse;
  const depths = heads.map(() => -1);
  const path: number[] = [];
  for (let k = 0; k < heads.length; k++) {
    // walk up to a token whose depth is known (or the root), then number the way back down;
    // a malformed parse cannot loop forever: the walk is cut at the sentence's length
    let x = k;
    path.length = 0;
    while (x >= 0 && depths[x]! < 0 && path.length <= heads.length) {
      path.push(x);
      x = heads[x]!;
    }
    let d = x >= 0 && depths[x]! >= 0 ? depths[x]! : -1;
    for (let i = path.length - 1; i >= 0; i--) depths[path[i]!] = ++d;
  }
  return { ...parse, depths };
}

function flat(tokens: readonly Token[]): Parse {
  return { heads: tokens.map(() => -1), labels: tokens.map(() => "dep") };
}

const trees = new WeakMap<object, Tree>();
/** parses stored with a cached story, by sentence, decoded when first asked for */
const stored = new WeakMap<object, string>();

function parseOf(key: object, tokens: readonly Token[]): Parse {
  if (tokens.length > MAX_PARSED_TOKENS) return flat(tokens);
  const code = stored.get(key);
  return (code !== undefined && decodeParse(code, tokens.length)) || dependencyParser().parse(tokens);
}

export function treeOfTokens(key: object, tokens: readonly Token[]): Tree {
  let t = trees.get(key);
  if (!t) {
    t = treeOf(parseOf(key, tokens));
    trees.set(key, t);
  }
  return t;
}

/** The sentence's parse as the story cache stores it ("" for a sentence too long to parse). */
export function storedParse(sentence: Sentence): string {
  return sentence.tokens.length > MAX_PARSED_TOKENS ? "" : encodeParse(sentenceTree(sentence));
}

/** A parse read back with its sentence: used instead of parsing, when its length fits the sentence's tokens. */
export function rememberParse(sentence: Sentence, code: string): void {
  if (code) stored.set(sentence, code);
}

export function sentenceTree(sentence: Sentence): Tree {
  return treeOfTokens(sentence, sentence.tokens);
}

/** Edges on the tree path between two tokens (the root counts as a node above every tree). */
export function treeDistance(tree: Tree, a: number, b: number): number {
  const { depths, heads } = tree;
  let x = a;
  let y = b;
  let steps = 0;
  while (x !== y && steps <= 2 * heads.length + 2) {
    if ((x < 0 ? -1 : depths[x]!) >= (y < 0 ? -1 : depths[y]!)) x = heads[x]!;
    else y = heads[y]!;
    steps++;
  }
  return steps;
}

/** Whether token `k` is `top` or hangs from it through any number of heads. */
export function hangsFrom(tree: Tree, k: number, top: number): boolean {
  let x = k;
  // a token's depth bounds the walk, so a malformed parse cannot loop
  for (let steps = 0; x >= 0 && x !== top && steps <= tree.heads.length; steps++) x = tree.heads[x]!;
  return x === top;
}

/** The token of [start, end) that heads the span: the one whose head lies outside it (the highest in the tree). */
export function spanHead(tree: Tree, start: number, end: number): number {
  let best = end - 1;
  for (let k = start; k < end; k++) if (tree.depths[k]! < tree.depths[best]!) best = k;
  return best;
}
