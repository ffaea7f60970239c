/**
 * `storybot start` as a real process, with one test-only command added: /slow defers, then answers
 * only when the test writes a line to the process's stdin. Process tests use it to have a reply in
 * flight at the moment they send a signal.
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import { defineCommand } from "../../commands/command.js";
import { commands } from "../../commands/index.js";
import { serve } from "../../src/cli/serve.js";
import { SLOW_ANSWER } from "../helpers/storybot-process.js";

const slow = defineCommand({
  data: { name: "slow", description: "answers when the test says so (test only)" },
  slow: true,
  query: async () => void (await once(createInterface({ input: process.stdin }), "line")),
  render: () => ({ text: [{ spans: [{ text: SLOW_ANSWER }] }] }),
});

await serve({ commands: [...commands, slow] });
