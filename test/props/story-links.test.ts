/**
 * Story text is untrusted too: an article can carry masked links ("[login here](https://evil…)")
 * and bare URLs, and every command quotes story text somewhere (evidence, profiles, paragraphs,
 * summaries, timelines, facts, titles). Fuzzed stories full of links go through every command and
 * the Discord renderer; no field of any message may hold a link Discord would make live.
 */
import fc from "fast-check";
import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { Stories } from "../../commands/stories-service.js";
import { ingestText, StoryFormatError, StoryLibrary } from "../../src/engine/index.js";
import { toDiscordMessage } from "../../src/render/discord-message.js";
import { runCommand, type OptionValue } from "./drive-commands.js";

const URLS = ["https://evil.example/login", "http://a.example/r?x=1&y=(2)", "https://x.example/a_b*c", "ftp://files.example/f", "steam://run/1", "HTTPS://LOUD.EXAMPLE", "https://t.example/)", "<https://angle.example>"];
const url = fc.constantFrom(...URLS);
const linkText = fc.constantFrom("the report", "login here", "Kim Jong-un", "", "a ] b", "[nested]", "\\", "**bold**", "Seoul");
/** the ways story text can spell a link, escaped or not */
const link = fc.oneof(
  fc.tuple(linkText, url).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(linkText, url).map(([t, u]) => `\\[${t}](${u})`),
  fc.tuple(linkText, url).map(([t, u]) => `\\\\[${t}](${u})`),
  fc.tuple(linkText, url).map(([t, u]) => `[${t}]( ${u} "title")`),
  url,
);
const word = fc.constantFrom("The", "minister", "Kim", "Jong-un", "visited", "Seoul", "on", "Monday", "said", "report", "police", "in", "2020", "officials", "warned", "the", "city");
const sentence = fc.array(fc.oneof({ arbitrary: word, weight: 4 }, { arbitrary: link, weight: 2 }), { minLength: 3, maxLength: 14 }).map((ws) => `${ws.join(" ")}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(" "));
const article = fc.tuple(fc.array(fc.oneof(word, link), { minLength: 2, maxLength: 6 }), fc.array(paragraph, { minLength: 1, maxLength: 6 })).map(([title, ps]) => `${title.join(" ")}\n\nSEOUL, Oct 22, 2020 — ${ps.join("\n\n")}\n`);

/** Every text a Discord client renders in a message. */
function texts(m: { content?: string; embeds: APIEmbed[] }): string[] {
  return [m.content ?? "", ...m.embeds.flatMap((e) => [e.title ?? "", e.description ?? "", e.footer?.text ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];
}

/** A masked link or a URL Discord would link: checked after dropping every escaped character. */
function liveLink(text: string): string | null {
  const bare = text.replace(/\\./gsu, "");
  return /\[[^\]]*\]\([^)]*\)/.exec(bare)?.[0] ?? /\b[a-z][a-z\d+.-]*:\/\//i.exec(bare)?.[0] ?? null;
}

/** Options that reach the story's text: questions of its words, its names, each paragraph, each summary. */
function optionsFor(stories: Stories): { name: string; values: Record<string, OptionValue> }[] {
  const story = stories.pick(null);
  const names = story.entities.slice(0, 3).map((e) => e.name.slice(0, 90));
  return [
    ...["Who visited Seoul?", "When did the minister visit?", "Where is the report?", "What did officials say?", "Who warned the city?"].map((question) => ({ name: "ask", values: { question } })),
    ...names.map((subject) => ({ name: "who", values: { subject } })),
    ...names.map((about) => ({ name: "summary", values: { about, length: "long" } })),
    ...story.paragraphs.map((p) => ({ name: "source", values: { paragraph: p.number } })),
    ...["short", "medium", "long"].map((length) => ({ name: "summary", values: { length } })),
    { name: "timeline", values: {} },
    { name: "facts", values: {} },
    { name: "stories", values: {} },
    { name: "help", values: {} },
  ];
}

describe("links in story text", () => {
  it("renders the two links of one line inert", () => {
    const story = ingestText("Links\n\nSEOUL, Oct 22, 2020 — Read [the report](https://a.example/r) or [login here](https://evil.example/login), officials said on Monday.\n", "links");
    const stories = new Stories(new StoryLibrary([story]));
    return runCommand(commands.find((c) => c.name === "source")!, { paragraph: 1 }, "discord", stories).then((run) => {
      const description = toDiscordMessage(run.replies[0]!).embeds[0]!.description!;
      expect(liveLink(description)).toBeNull();
      expect(description).toContain("\\[login here\\](https:\u200b//evil.example/login)");
    });
  });

  it("are never live in any field of any command's reply, whatever the story", async () => {
    await fc.assert(
      fc.asyncProperty(article, async (text) => {
        let story;
        try {
          story = ingestText(text, "fuzzed-links");
        } catch (err) {
          if (err instanceof StoryFormatError) return;
          throw err;
        }
        const stories = new Stories(new StoryLibrary([story]));
        for (const { name, values } of optionsFor(stories)) {
          const run = await runCommand(commands.find((c) => c.name === name)!, values, "discord", stories);
          expect(run.slips, `/${name} ${JSON.stringify(values)}`).toEqual([]);
          for (const reply of run.replies) {
            for (const t of texts(toDiscordMessage(reply))) expect(liveLink(t), `/${name} ${JSON.stringify(values)}: ${t}`).toBeNull();
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
