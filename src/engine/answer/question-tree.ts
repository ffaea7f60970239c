/**
 * The dependency parse of a question. The parser learned from the English Web Treebank, where
 * questions with an inverted auxiliary are rare, and it parses them badly: of the 1,288 such
 * questions among the first 3,000 of the SQuAD training file ("When did Beyoncé release …?"), 591
 * came out with the verb off the root (140 parsed as here), the tagger having often read the verb
 * as a noun. A question
 * is parsed here in declarative order ("Beyoncé release … when"), the question word's phrase
 * standing where its answer would, and the parse is read back onto the question's own tokens.
 */
import { treeOf, treeOfTokens, type Tree } from "../language/parser/sentence-parse.js";
import { dependencyParser } from "../language/parser/parser.js";
import { QUESTION_WORDS } from "../language/stopwords.js";
import type { Token } from "../types.js";
import type { ParsedQuestion } from "./question.js";

/** Auxiliaries a question inverts: "did", "will", "can", "has", "was" … */
const INVERTED = /^(?:do|will|can|would|could|should|might|may|must|shall|have|be)$/;
/** What a noun phrase is made of, as the subject of "was … born?" is. */
const SUBJECT_WORD = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "PRON", "CCONJ"]);
/** Question words that stand for a time, place, reason or manner: their phrase goes last. */
const ADVERBIAL = /^(?:when|where|why|how)$/;

/** Where the question word's phrase ends: "which agency", "how many firefighters", "what year". */
function phraseEnd(tokens: readonly Token[], wh: number): number {
  const word = tokens[wh]!.text.toLowerCase();
  let i = wh + 1;
  if (word === "how" && /^(?:many|much|long|old|often|far|big|large|tall|high)$/i.test(tokens[i]?.text ?? "")) i++;
  if (word === "how" && i === wh + 1) return i;
  while (i < tokens.length && i <= wh + 3 && ["NOUN", "ADJ", "PROPN", "NUM"].includes(tokens[i]!.pos) && !INVERTED.test(tokens[i]!.lemma)) i++;
  return i;
}

/** Whether the word at k can be the verb after an inverted auxiliary: a verb, or a word the tagger took for a noun or adjective outside a noun phrase. */
function canBeVerb(tokens: readonly Token[], k: number, strict: boolean): boolean {
  const t = tokens[k]!;
  if (!/^\p{Ll}/u.test(t.text)) return false;
  if (t.pos === "VERB") return true;
  return !strict && (t.pos === "NOUN" || t.pos === "ADJ") && !["DET", "ADJ", "NUM", "PRON", "PART"].includes(tokens[k - 1]!.pos);
}

/**
 * The question's tokens in declarative order, as indices into them (without a "do" of
 * do-support, which the parser rarely saw in a statement), the verb's place and the auxiliary's;
 * null when the question has no inverted auxiliary before a subject and a verb. "When was Ana
 * born?" is read "Ana was born when"; "What is the name of …?" has no verb to invert round.
 */
export function declarativeOrder(tokens: readonly Token[]): { order: number[]; verb: number; aux: number } | null {
  const wh = tokens.findIndex((t) => QUESTION_WORDS.has(t.text.toLowerCase()));
  if (wh < 0) return null;
  const at = phraseEnd(tokens, wh);
  const aux = tokens[at];
  if (!aux || aux.pos !== "AUX" || !INVERTED.test(aux.lemma)) return null;
  // be and have invert only round a verb: "was Ana born", not "was the album darker"
  const strict = aux.lemma === "be" || aux.lemma === "have";
  let verb = at + 2;
  while (verb < tokens.length && !canBeVerb(tokens, verb, strict)) {
    // "What is in the area that caused …?": a copula's subject is a noun phrase, so a verb after
    // anything else is another clause's
    if (strict && !SUBJECT_WORD.has(tokens[verb]!.pos) && tokens[verb]!.text.toLowerCase() !== "of") return null;
    verb++;
  }
  if (verb >= tokens.length) return null;
  const end = tokens[tokens.length - 1]!.pos === "PUNCT" ? tokens.length - 1 : tokens.length;
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  const phrase = range(wh, at);
  const rest = range(verb + 1, end);
  // "Who did Beyoncé record with?": a stranded preposition takes the phrase after it
  const stranded = rest.length > 0 && tokens[rest[rest.length - 1]!]!.pos === "ADP";
  const adverbial = ADVERBIAL.test(tokens[wh]!.text.toLowerCase()) && !/^(?:many|much)$/i.test(tokens[wh + 1]?.text ?? "");
  const tail = stranded || adverbial ? [...rest, ...phrase] : [...phrase, ...rest];
  const auxiliary = aux.lemma === "do" ? [] : [at];
  const order = [...range(0, wh), ...range(at + 1, verb), ...auxiliary, verb, ...tail, ...range(end, tokens.length)];
  return { order, verb, aux: at };
}

const memo = new WeakMap<ParsedQuestion, Tree>();

/** The question's parse, read in declarative order when it inverts an auxiliary. */
export function questionTree(q: ParsedQuestion): Tree {
  let tree = memo.get(q);
  if (tree) return tree;
  const declarative = declarativeOrder(q.tokens);
  if (!declarative) tree = treeOfTokens(q.tokens, q.tokens);
  else {
    const { order, verb, aux } = declarative;
    // the verb as a verb, whatever the tagger made of it after the auxiliary
    const reordered = order.map((k) => (k === verb ? { text: q.tokens[k]!.text, pos: "VERB" } : q.tokens[k]!));
    const parse = dependencyParser().parse(reordered);
    const heads = q.tokens.map(() => -1);
    const labels = q.tokens.map(() => "dep");
    order.forEach((k, i) => {
      const h = parse.heads[i]!;
      heads[k] = h < 0 ? -1 : order[h]!;
      labels[k] = parse.labels[i]!;
    });
    if (!order.includes(aux)) {
      heads[aux] = verb;
      labels[aux] = "aux";
    }
    tree = treeOf({ heads, labels });
  }
  memo.set(q, tree);
  return tree;
}
