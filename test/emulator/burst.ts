/**
 * Bursts of users' interactions through the emulator, and what became of them: a mix of what people
 * do in a busy channel (questions, names, dates, paragraphs, autocomplete while typing, the Show
 * paragraph button), each from its own user so that the cooldown refuses no one.
 */
import type { DiscordEmulator } from "./emulator.js";
import { autocomplete, buttonClick, slashCommand } from "./interactions.js";
import type { InteractionRecord } from "./ledger.js";
import { user, type EmulatedGuild, type World } from "./world.js";

type Payload = ReturnType<typeof slashCommand>;

const QUESTIONS = [
  "Who visited the graves of the Chinese soldiers?",
  "who laid flowers?",
  "When did the war begin?",
  "Where is the cemetery?",
  "Who was Mao Anying?",
  "When did Xi Jinping visit?",
  "What did state media say?",
  "Who is the leader of China?",
];

/** The i-th interaction of a burst: mostly /ask, and a share of every other kind. */
export function mixedInteraction(world: World, i: number, guild: EmulatedGuild = world.guild): Payload {
  const who = user(`burst-${i}`);
  const question = QUESTIONS[i % QUESTIONS.length]!;
  switch (i % 20) {
    case 0:
    case 1:
      return slashCommand(world, who, "who", { subject: i % 2 ? "Mao Anying" : "Kim Jong-un" }, guild);
    case 2:
      return slashCommand(world, who, "when", { event: "did the war begin" }, guild);
    case 3:
      return slashCommand(world, who, "source", { paragraph: 1 + (i % 5) }, guild);
    case 4:
    case 5:
      return autocomplete(world, who, "ask", { question: question.slice(0, 3 + (i % 8)) }, "question", guild);
    case 6: {
      const customId = `source?paragraph=${1 + (i % 4)}`;
      return buttonClick(world, who, customId, { id: "1", channel_id: guild.channelId, author: world.bot, type: 20, content: "", embeds: [], components: [] }, guild) as unknown as Payload;
    }
    case 7:
      return slashCommand(world, who, "ask", { question, private: true }, guild);
    default:
      return slashCommand(world, who, "ask", { question }, guild);
  }
}

/**
 * Dispatches `count` interactions, `perTick` at a time every `tickMs` (all at once when tickMs is 0),
 * and resolves with their ids once the last has been dispatched.
 */
export async function dispatchBurst(emulator: DiscordEmulator, count: number, pace: { perTick: number; tickMs: number }, make = (i: number) => mixedInteraction(emulator.world, i)): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; ) {
    for (const end = Math.min(count, i + pace.perTick); i < end; i++) {
      const interaction = make(i);
      ids.push(interaction.id);
      emulator.gateway.dispatch("INTERACTION_CREATE", interaction);
    }
    if (pace.tickMs > 0 && i < count) await new Promise((done) => setTimeout(done, pace.tickMs));
  }
  return ids;
}

export interface BurstOutcome {
  dispatched: number;
  /** went out on an open gateway socket (replays included) */
  delivered: number;
  /** acknowledged by exactly one successful callback and shown to the user */
  answeredOnce: number;
  unanswered: string[];
  /** callbacks Discord refused as a second acknowledgement */
  answeredTwice: string[];
  /** carried more than once by the gateway */
  deliveredTwice: string[];
}

export function outcomeOf(emulator: DiscordEmulator, ids: string[]): BurstOutcome {
  const records = ids.map((id) => emulator.interactions.get(id)).filter((r): r is InteractionRecord => r !== undefined);
  const delivered = records.filter((r) => r.deliveries > 0);
  return {
    dispatched: ids.length,
    delivered: delivered.length,
    answeredOnce: delivered.filter((r) => r.completedAt !== undefined && r.extraAcknowledgements === 0).length,
    unanswered: delivered.filter((r) => r.completedAt === undefined).map((r) => r.id),
    answeredTwice: records.filter((r) => r.extraAcknowledgements > 0).map((r) => r.id),
    deliveredTwice: records.filter((r) => r.deliveries > 1).map((r) => r.id),
  };
}
