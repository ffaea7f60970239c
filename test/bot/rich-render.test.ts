/** Cutting replies to Discord's limits: never over the limit, never mid-word, never leaving markup open. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerReply } from "../../src/render/answer.js";
import { toDiscordMessage } from "../../src/render/discord-message.js";
import { bold, ELLIPSIS, italic, line, quote, toMarkdown, toPlain, type Rich } from "../../src/render/rich.js";
import { toText } from "../../src/render/text-message.js";
import type { Answer, StoryMeta } from "../../src/engine/index.js";

const word = fc.stringMatching(/^[A-Za-z0-9*_~`|>#@.,’“”-]{1,12}$/);
const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(" "));
const span = fc.record({ text, bold: fc.boolean(), italic: fc.boolean() });
const block = fc.record({ spans: fc.array(span, { minLength: 1, maxLength: 3 }), quote: fc.boolean() });
const doc = fc.array(block, { minLength: 1, maxLength: 5 });
/** words without markdown characters, so that kept words can be compared with the input's */
const plainWord = fc.stringMatching(/^[A-Za-z0-9,’“”]{1,12}$/);
const plainDoc = fc.array(fc.record({ spans: fc.array(fc.record({ text: fc.array(plainWord, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(" ")), bold: fc.boolean() }), { minLength: 1, maxLength: 3 }), quote: fc.boolean() }), { minLength: 1, maxLength: 5 });

describe("toMarkdown", () => {
  it("never exceeds the limit", () => {
    fc.assert(fc.property(doc, fc.integer({ min: 1, max: 600 }), (d, max) => toMarkdown(d, max).length <= max));
  });

  it("leaves no bold or italic marker open", () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 600 }), (d, max) => {
        const md = toMarkdown(d, max).replace(/\\./g, "");
        return (md.match(/\*\*/g) ?? []).length % 2 === 0 && (md.match(/_/g) ?? []).length % 2 === 0;
      }),
    );
  });

  it("cuts between words: every word kept is a whole word of the input, and a cut is marked with …", () => {
    fc.assert(
      fc.property(plainDoc, fc.integer({ min: 20, max: 600 }), (d: Rich, max) => {
        const cut = toMarkdown(d, max);
        if (cut === toMarkdown(d)) return true;
        if (!/…(?:\*\*)?$/.test(cut)) return false;
        const inputWords = new Set(toPlain(d).split(/\s+/));
        const kept = cut.replace(/\*\*|^> /gm, "").replace(/…$/, "").split(/\s+/).filter(Boolean);
        if (kept.every((w) => inputWords.has(w))) return true;
        // spans glued without a space make one word of several: only a first word that cannot fit even
        // without its styles may be cut inside
        const first = d[0]!.spans.map((s) => s.text).join("").split(/\s/)[0]!;
        return kept.length === 1 && first.startsWith(kept[0]!) && (d[0]!.quote ? 2 : 0) + first.length + ELLIPSIS.length > max;
      }),
      { numRuns: 1000 },
    );
  });

  it("escapes markdown that comes from the story", () => {
    expect(toMarkdown([line("a *b* _c_ ~~d~~ `e`")])).toBe("a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\`");
    expect(toMarkdown([line("> not a quote")])).toBe("\\> not a quote");
  });

  it("shows a first word made of glued spans whole, without its styles, when styled it would not fit", () => {
    expect(toMarkdown([line("Kim", bold("’s"), " visit")], 6)).toBe("Kim’s…");
    expect(toMarkdown([line("Kim", bold("’s"), " visit")], 10)).toBe("Kim**’s…**");
  });

  it("keeps markers hugging the text", () => {
    expect(toMarkdown([line("x", bold(" y "), "z")])).toBe("x **y** z");
    expect(toMarkdown([quote("said"), line(italic("t"))])).toBe("> said\n_t_");
  });
});

const story: StoryMeta = { id: "s", title: "A title", source: "The Source", url: null, published: "2020-10-22", place: null, file: null, dateline: null, datelineDate: null } as StoryMeta;
const answered = (evidence: string): Answer => ({ question: "who?", answer: "Someone", kind: "who", confidence: 1, evidence, paragraph: 4, story: "s" }) as Answer;

describe("an answer as a Discord message", () => {
  it("puts the answer as the title, the quoted evidence, then ¶, title, source and date in the footer beside the story's date; never pings", () => {
    const msg = toDiscordMessage(answerReply(answered("Someone did it."), story));
    expect(msg.embeds[0]).toMatchObject({ title: "Someone", description: "> “Someone did it.”", footer: { text: "¶4 · A title · The Source · 22 Oct 2020" }, timestamp: "2020-10-22T00:00:00.000Z" });
    expect(msg.embeds[0]!.url).toBeUndefined();
    expect(msg.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(msg.components[0]!.components[0]).toMatchObject({ label: "Show paragraph", custom_id: "source?paragraph=4&story=s" });
    expect(msg.flags).toBeUndefined();
    expect(toDiscordMessage(answerReply(answered("x"), story, { private: true })).flags).toBe(64);
  });

  it("fits Discord's limits whatever the evidence's length", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 1500 }), (ws) => {
        const msg = toDiscordMessage({ ...answerReply(answered(ws.join(" ")), story), text: [line(ws.join(" "))], card: { ...answerReply(answered(ws.join(" ")), story).card!, title: ws.join(" "), footer: ws.join(" "), fields: Array.from({ length: 30 }, () => ({ name: ws.join(" "), value: [line(ws.join(" "))] })) } });
        const e = msg.embeds[0]!;
        const total = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
        return (
          (msg.content?.length ?? 0) <= 2000 &&
          (e.title?.length ?? 0) <= 256 &&
          (e.description?.length ?? 0) <= 4096 &&
          (e.fields?.length ?? 0) <= 25 &&
          (e.fields ?? []).every((f) => f.value.length <= 1024 && f.name.length <= 256) &&
          total <= 6000
        );
      }),
      { numRuns: 30 },
    );
  });

  it("says plainly when the story doesn't say, with the closest passage labelled as such", () => {
    const none: Answer = { ...answered("Nearby sentence."), answer: null, confidence: 0.1 };
    const text = toText(answerReply(none, story));
    expect(text).toMatch(/^The story doesn't say\.\nClosest passage \(¶4\), which does not answer it:\n> “Nearby sentence\.”/);
  });

  it("drops a button whose id would exceed Discord's 100 characters rather than send an invalid message", () => {
    const long = { ...story, id: "x".repeat(120) };
    expect(toDiscordMessage(answerReply(answered("e"), long)).components).toEqual([]);
  });
});
