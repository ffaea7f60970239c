/**
 * A busy server: 1,000 interactions within 10 seconds (10 every 100 ms) through the emulator, a mix of
 * questions, names, paragraphs, autocomplete and button clicks from 1,000 users. Every one must be
 * delivered, acknowledged by exactly one callback and answered. Counts only: how fast it went is
 * measured by `npm run bench:burst` and reported in docs/reliability.md.
 */
import { it } from "vitest";
import { dispatchBurst, outcomeOf } from "../emulator/burst.js";
import { startBotUnderTest } from "../emulator/harness.js";

const COUNT = 1000;

it("answers 1,000 interactions sent within 10 seconds, each exactly once, none lost", { timeout: 45_000 }, async (test) => {
  const { expect } = test;
  const t = await startBotUnderTest();
  test.onTestFinished(() => t.close());
  const ids = await dispatchBurst(t.emulator, COUNT, { perTick: 10, tickMs: 100 });
  await t.emulator.interactions.waitUntilCompleted(ids, 30_000);
  expect(outcomeOf(t.emulator, ids)).toEqual({ dispatched: COUNT, delivered: COUNT, answeredOnce: COUNT, unanswered: [], answeredTwice: [], deliveredTwice: [] });
  // every first response was a success: no retry, no refusal, no error reply behind the counts
  const callbacks = t.emulator.rest.calls.filter((c) => c.path.endsWith("/callback"));
  expect(callbacks).toHaveLength(COUNT);
  expect(callbacks.filter((c) => c.status !== 204)).toEqual([]);
  expect(t.logs.filter((l) => l.level >= 40)).toEqual([]);
});
