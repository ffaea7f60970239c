import { describe, expect, it } from "vitest";
import { answer } from "../src/engine/answer/answer.js";
import { parse } from "../src/engine/answer/analysis.js";
import { poolOf } from "../src/engine/answer/pool.js";
import { ingestText } from "../src/engine/story/ingest.js";

const STORY = ingestText(
  [
    "Harlow Foods to buy Brisk Market",
    "HARLOW, March 3, 2025 (Valley Ledger) - Harlow Foods agreed on Monday to buy the Brisk Market grocery chain for $1.2 billion, the company said.",
    "Brisk Market's 40 stores sell fresh salmon for $18 to $22 a pound, and its shares rose from 14 to 16 euros after the announcement.",
    "The deal is worth about €1.1 billion, said the analyst Mara Quint, who put the savings at between 30 and 45 million a year.",
  ].join("\n\n"),
  "harlow-brisk",
);

/** The texts of the number spans a question gets from the sentence that holds `words`. */
function numbers(question: string, words: string): string[] {
  const sentence = STORY.sentences.find((s) => s.text.includes(words))!;
  return poolOf(parse(question, STORY), STORY, sentence)
    .filter((c) => c.type === "number")
    .map((c) => c.text);
}

describe("sums and ranges as answers", () => {
  it("keeps a sum's currency sign, which the tokenizer splits off", () => {
    expect(numbers("How much will Harlow Foods pay?", "$1.2 billion")).toContain("$1.2 billion");
    expect(numbers("How much is the deal worth?", "€1.1 billion")).toContain("€1.1 billion");
    expect(numbers("How much is the deal worth?", "€1.1 billion")).not.toContain("1.1 billion");
  });

  it("offers a range of numbers as a reading, as it does a range of dates", () => {
    const salmon = numbers("How much does salmon sell for?", "salmon");
    expect(salmon).toEqual(expect.arrayContaining(["$18", "$22", "$18 to $22", "from 14 to 16"]));
    expect(numbers("How much will the deal save?", "savings")).toContain("between 30 and 45 million");
  });

  it("answers how much with the sum as written", () => {
    expect(answer("How much will Harlow Foods pay for Brisk Market?", STORY).answer).toBe("$1.2 billion");
    expect(answer("How much does fresh salmon sell for at Brisk Market?", STORY).answer).toMatch(/^\$18\b/);
  });
});
