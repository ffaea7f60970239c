/**
 * Every command handler fed arbitrary options through each adapter's path: Discord's own option
 * resolver, text options (console lines, mentions, button ids) and the console itself. Each run
 * answers exactly once, nothing slips past the handler as a failure, and every reply fits Discord's
 * limits and pings no one. Empty and huge questions get a plain message saying so.
 */
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyCommand } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import type { Stories } from "../../commands/stories-service.js";
import { validChoices } from "../../src/discord/autocomplete.js";
import { mentionQuestion } from "../../src/discord/mentions.js";
import { MAX_QUESTION_LENGTH } from "../../src/engine/answer/answer.js";
import { runConsole } from "../../src/console/console.js";
import { createLogger } from "../../src/log.js";
import { toText } from "../../src/render/text-message.js";
import { replyProblems } from "./discord-payload.js";
import { commandInput, loadTestStories, runCommand, type OptionValue, type Run, type Via } from "./drive-commands.js";
import { hostileText, mixedText } from "./hostile-text.js";

let stories: Stories;
let ids: string[];

beforeAll(async () => {
  stories = await loadTestStories();
  ids = stories.library.ids();
});

const SEED = 6;
const byName = (name: string): AnyCommand => commands.find((c) => c.name === name)!;

/** One reply, no failure behind it, fit for Discord and for a terminal. */
function expectGoodRun(run: Run, what: string): void {
  expect(run.slips, what).toEqual([]);
  expect(run.replies, what).toHaveLength(1);
  const reply = run.replies[0]!;
  expect(replyProblems(reply), what).toEqual([]);
  expect(typeof toText(reply)).toBe("string");
}

/** The text of a private note (a UserError shown to the asker). */
function noteOf(run: Run): string {
  const reply = run.replies[0]!;
  expect(reply.private).toBe(true);
  return toText(reply);
}

describe("command handlers on arbitrary options", () => {
  for (const [via, numRuns] of [["discord", 1000], ["text", 1500]] as [Via, number][]) {
    it(`through ${via === "discord" ? "Discord's option resolver" : "text options (console, mentions, buttons)"}: one reply that fits and pings no one`, async () => {
      await fc.assert(
        fc.asyncProperty(commandInput(via, ids), async ({ command, values }) => {
          expectGoodRun(await runCommand(command, values, via, stories), `/${command.name} ${JSON.stringify(values).slice(0, 300)}`);
        }),
        { numRuns, seed: SEED, endOnFailure: true },
      );
    });
  }

  it("through a mention: the message text without the bot's mention is asked as a question", async () => {
    const bot = "123456789012345001";
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const question = mentionQuestion(`<@${bot}> ${text}`, bot);
        // an empty mention gets a hint from the mention adapter itself, not from /ask
        if (!question) return;
        expectGoodRun(await runCommand(byName("ask"), { question }, "text", stories), JSON.stringify(question).slice(0, 300));
      }),
      { numRuns: 500, seed: SEED, endOnFailure: true },
    );
  });

  it("through the console: any lines are answered without a failure, and blank input prints nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { maxLength: 4 }), async (lines) => {
        const input = new PassThrough();
        const output = new PassThrough();
        let printed = "";
        output.on("data", (d) => (printed += d));
        const slips: unknown[] = [];
        const log = createLogger({ level: "error", destination: { write: (line: string) => void slips.push(line) } });
        input.end(lines.join("\n"));
        await runConsole({ input, output, stories, commands, log });
        expect(slips).toEqual([]);
        if (lines.every((l) => !l.trim())) expect(printed).toBe("");
      }),
      { numRuns: 200, seed: SEED, endOnFailure: true },
    );
  });

  it("autocomplete: choices Discord accepts, or a user error that the adapter answers with no choices", async () => {
    const withAutocomplete = commands.filter((c) => c.autocomplete);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withAutocomplete), mixedText, fc.option(fc.oneof(mixedText, fc.constantFrom(...ids)), { nil: undefined }), async (command, typed, story) => {
        const args = story === undefined ? {} : { story };
        const focused = command.data.options!.find((o) => "autocomplete" in o && o.autocomplete)!.name;
        let choices;
        try {
          choices = await command.autocomplete!({ focused: { name: focused, value: typed }, args, stories });
        } catch (err) {
          expect((err as Error).constructor.name).toBe("UserError");
          return;
        }
        for (const c of [...validChoices(choices), ...validChoices(stories.choices(typed))]) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeGreaterThan(0);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 500, seed: SEED, endOnFailure: true },
    );
  });
});

describe("empty and huge questions get a clear message", () => {
  const huge = "who laid flowers ".repeat(700);
  const cases: [string, string, RegExp][] = [
    ["empty", "", /empty/],
    ["blank", " \t\u3000 ", /empty/],
    ["zero-width only", "\u200b\u2060\ufeff", /empty/],
    [`${huge.length} characters`, huge, new RegExp(`too long \\(${huge.trim().length} characters; at most ${MAX_QUESTION_LENGTH}\\)`)],
  ];
  for (const via of ["discord", "text"] as Via[]) {
    for (const name of ["ask", "who", "when", "where"]) {
      const option = byName(name).data.options![0]!.name;
      for (const [label, text, message] of cases) {
        it(`/${name} ${option}: ${label}, via ${via}`, async () => {
          const values: Record<string, OptionValue> = { [option]: text };
          const run = await runCommand(byName(name), values, via, stories);
          expectGoodRun(run, label);
          expect(toText(run.replies[0]!)).toMatch(message);
        });
      }
    }
  }

  it("a private note says exactly what is wrong, without echoing the huge text", async () => {
    const run = await runCommand(byName("ask"), { question: "x".repeat(10_000) }, "discord", stories);
    expect(noteOf(run)).toBe(`/ask question is too long (10000 characters; at most ${MAX_QUESTION_LENGTH}).`);
  });
});
