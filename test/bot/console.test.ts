/** The local console: command lines parsed against the command definitions, run through the same handlers. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { readArguments } from "../../commands/arguments.js";
import { Stories } from "../../commands/stories-service.js";
import { runConsole } from "../../src/console/console.js";
import { parseLine } from "../../src/console/parse-line.js";
import { ingestText } from "../../src/engine/story/ingest.js";
import { StoryLibrary } from "../../src/engine/story/library.js";
import { createLogger } from "../../src/log.js";

const ARTICLE = `Harbour bridge opens after two years of work

LISBON, March 3, 2021, The Coastal Times. Mayor Ana Costa opened the new footbridge over the harbour on Tuesday, ending two years of construction.

In 2019, the city council approved a budget of 40 million euros for the project.

Engineer Rui Lopes inspected the cables at the south bank before the opening ceremony.
`;

const stories = new Stories(new StoryLibrary([ingestText(ARTICLE, "harbour")]));
const silent = createLogger({ level: "silent", destination: { write: () => undefined } });

async function session(input: string): Promise<string[]> {
  const inp = new PassThrough();
  const out = new PassThrough();
  let text = "";
  out.on("data", (d) => (text += d));
  inp.end(input);
  await runConsole({ input: inp, output: out, stories, commands, log: silent });
  return text.trim().split(/\n\n/);
}

describe("parseLine", () => {
  const ask = commands.find((c) => c.name === "ask")!;

  it("maps free text to the first required option and name:value pairs to theirs", () => {
    expect(parseLine("/ask who laid flowers? private:true", commands)).toEqual({ command: ask, options: { question: "who laid flowers?", private: "true" } });
    expect(parseLine("/ask question: who laid flowers? story:kh", commands).options).toEqual({ question: "who laid flowers?", story: "kh" });
    expect(parseLine("/source 3", commands).options).toEqual({ paragraph: "3" });
    expect(parseLine("who laid flowers?", commands)).toEqual({ command: ask, options: { question: "who laid flowers?" } });
    expect(parseLine("/ASK what time: noon?", commands).options).toEqual({ question: "what time: noon?" });
  });

  it("refuses unknown commands and text a command does not take", () => {
    expect(() => parseLine("/nope x", commands)).toThrow(/There is no \/nope\. Commands: \/ask/);
    expect(() => parseLine("/stories extra words", commands)).toThrow(/\/stories takes no text/);
  });
});

describe("readArguments", () => {
  const source = commands.find((c) => c.name === "source")!;
  const ask = commands.find((c) => c.name === "ask")!;
  const summary = commands.find((c) => c.name === "summary")!;

  it("types text values as the declaration says, and passes values Discord typed", () => {
    expect(readArguments(source, { paragraph: "3", private: "yes" })).toEqual({ paragraph: 3, private: true });
    expect(readArguments(source, { paragraph: 3, story: " harbour " })).toEqual({ paragraph: 3, story: "harbour" });
    expect(readArguments(summary, { length: "long" })).toEqual({ length: "long" });
  });

  it("explains what is wrong", () => {
    expect(() => readArguments(source, { paragraph: "three" })).toThrow(/\/source paragraph must be a whole number, not "three"/);
    expect(() => readArguments(source, { paragraph: "0" })).toThrow(/at least 1/);
    expect(() => readArguments(source, {})).toThrow(/\/source needs paragraph/);
    expect(() => readArguments(source, { paragraph: "2", colour: "red" })).toThrow(/has no option "colour"/);
    expect(() => readArguments(ask, { question: "x".repeat(301) })).toThrow(/too long \(301 characters; at most 300\)/);
    expect(() => readArguments(summary, { length: "huge" })).toThrow("/summary length must be one of short, medium, long.");
  });
});

describe("runConsole", () => {
  it("answers commands and bare questions as text, through the same handlers as Discord", async () => {
    const replies = await session("/ask who opened the footbridge?\nWho inspected the cables?\n/who Rui Lopes\n/source 2\n");
    expect(replies).toHaveLength(4);
    expect(replies[0]).toMatch(/^Ana Costa\n> “Mayor Ana Costa opened the new footbridge.*”\n¶1 · Harbour bridge opens after two years of work · The Coastal Times · 3 Mar 2021\nShow paragraph: \/source paragraph:1 story:harbour$/);
    expect(replies[1]).toMatch(/^(?:Engineer )?Rui Lopes\n/);
    expect(replies[2]).toMatch(/^(?:Engineer )?Rui Lopes \(person\)\n(?:.*\n)*> ¶3 “Engineer Rui Lopes inspected the cables/);
    expect(replies[3]).toMatch(/^¶2\n> In 2019, the city council approved a budget/);
  });

  it("turns mistakes into a note and carries on; /quit ends early", async () => {
    const replies = await session("/source 42\n/source abc\n\n/nope\n/quit\n/ask who opened the footbridge?\n");
    expect(replies).toHaveLength(3);
    expect(replies[0]).toBe("This story has 3 paragraphs; pick a number from 1 to 3.");
    expect(replies[1]).toBe('/source paragraph must be a whole number, not "abc".');
    expect(replies[2]).toMatch(/^There is no \/nope\. Commands: \/ask, \/who, /);
  });
});
