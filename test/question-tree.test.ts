/**
 * A question with an inverted auxiliary is parsed in declarative order (question-tree.ts): the
 * verb is the root, the auxiliary hangs from it, the subject is its subject, and the question
 * word stands where its answer would. The parser, trained on statements, parsed "When did Ana
 * Ruiz open the bridge?" with the verb under the auxiliary.
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../src/engine/index.js";
import { parse } from "../src/engine/answer/analysis.js";
import { declarativeOrder, questionTree } from "../src/engine/answer/question-tree.js";

const story = ingestText("Bridge opens\n\nThe mayor, Ana Ruiz, opened the bridge on Monday.", "bridge");

function relations(question: string): Record<string, string> {
  const q = parse(question, story);
  const tree = questionTree(q);
  const out: Record<string, string> = {};
  q.tokens.forEach((t, k) => {
    const head = tree.heads[k]!;
    out[t.text] = `${tree.labels[k]}:${head < 0 ? "ROOT" : q.tokens[head]!.text}`;
  });
  return out;
}

describe("a question with an inverted auxiliary", () => {
  it("has its verb as the root and its subject as the verb's subject", () => {
    const r = relations("When did the mayor open the bridge?");
    expect(r.open).toBe("root:ROOT");
    expect(r.did).toBe("aux:open");
    expect(r.mayor).toBe("nsubj:open");
    expect(r.bridge).toBe("obj:open");
  });

  it("reads a verb the tagger took for a noun as the verb", () => {
    const q = parse("When did Ana Ruiz release the plans?", story);
    const order = declarativeOrder(q.tokens);
    expect(q.tokens[order!.verb]!.text).toBe("release");
  });

  it("puts the question word's phrase where its answer stands", () => {
    expect(relations("Which bridge did the mayor open?").bridge).toBe("obj:open");
    expect(relations("When was the bridge opened?").opened).toBe("root:ROOT");
  });

  it("leaves a question without a verb to invert round as the parser reads it", () => {
    const q = parse("What is the name of the bridge?", story);
    expect(declarativeOrder(q.tokens)).toBeNull();
    expect(declarativeOrder(parse("Who opened the bridge?", story).tokens)).toBeNull();
  });
});
