/**
 * A sample of the fuzzed slash commands and mentions sent through the real discord.js client and the
 * loopback Discord emulator: what reaches Discord's API (snake_case, as discord.js serialises it)
 * fits the limits and forbids every mention, so the checks of the faster tests hold on the wire too.
 */
import type { Client } from "discord.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stories } from "../../commands/stories-service.js";
import { startBot } from "../../src/discord/bot.js";
import { createLogger } from "../../src/log.js";
import { DiscordEmulator } from "../emulator/emulator.js";
import type { RestCall } from "../emulator/rest.js";
import { slashCommand, userMessage } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";
import { messageProblems } from "./discord-payload.js";
import { commandInput, loadTestStories } from "./drive-commands.js";
import { hostileText } from "./hostile-text.js";

const SAMPLES = 40;
const DEFERRED = 5;

let emulator: DiscordEmulator;
let client: Client;
let stories: Stories;
const slips: string[] = [];

beforeAll(async () => {
  emulator = await DiscordEmulator.start();
  stories = await loadTestStories();
  const log = createLogger({ level: "error", destination: { write: (line: string) => void slips.push(line) } });
  client = await startBot({ token: emulator.world.token, apiUrl: emulator.apiUrl, stories, log });
});

afterAll(async () => {
  await client?.destroy();
  await emulator?.close();
});

/** The message the user ends up seeing: the callback's, or the edit that fills a deferred reply. */
async function shownMessage(interaction: { id: string; token: string }): Promise<any> {
  const callback: RestCall = await emulator.interact(interaction);
  if (callback.body.type !== DEFERRED) return callback.body.data;
  const edit = await emulator.rest.waitFor((c) => c.method === "PATCH" && c.path.includes(interaction.token));
  return edit.body;
}

describe("fuzzed input through discord.js to the emulated Discord API", () => {
  it(`${SAMPLES} slash commands: every response fits Discord's limits and forbids mentions`, async () => {
    const inputs = fc.sample(commandInput("discord", stories.library.ids()), { numRuns: SAMPLES, seed: 6 });
    for (const [i, { command, values }] of inputs.entries()) {
      // a user each, so that the per-user cooldown never answers instead of the command
      const message = await shownMessage(slashCommand(emulator.world, user(`fuzz-${i}`), command.name, values));
      expect(messageProblems(message), `/${command.name} ${JSON.stringify(values).slice(0, 300)}`).toEqual([]);
    }
    expect(slips).toEqual([]);
  });

  it(`${SAMPLES / 2} mentions: every reply fits, forbids mentions and does not ping the author`, async () => {
    const bot = emulator.world.bot;
    for (const [i, text] of fc.sample(hostileText, { numRuns: SAMPLES / 2, seed: 6 }).entries()) {
      const reply = await emulator.post(userMessage(emulator.world, user(`mention-${i}`), `<@${bot.id}> ${text}`.slice(0, 4000), [bot]));
      expect(messageProblems(reply.body), JSON.stringify(text).slice(0, 300)).toEqual([]);
    }
    expect(slips).toEqual([]);
  });
});
