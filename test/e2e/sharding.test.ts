/**
 * `storybot start --sharded` as a real process against the emulator: discord.js's ShardingManager
 * starts one `storybot start` process per shard, each identifies with its [id, count] through
 * DISCORD_API_URL, receives the guilds Discord routes to it (guild_id >> 22 % count) and answers
 * them; SIGTERM stops them all and the manager exits 0.
 */
import { describe, it } from "vitest";
import { identifyGroups, parseShardCount, planShards } from "../../src/discord/shard-plan.js";
import { emulatorForTest } from "../emulator/emulator.js";
import { shardOf } from "../emulator/ids.js";
import { slashCommand } from "../emulator/interactions.js";
import { user } from "../emulator/world.js";
import { startStorybot } from "../helpers/storybot-process.js";
import { tempDirForFile } from "../helpers/temp-dir.js";

const cwd = tempDirForFile("storybot-sharding-");

describe.concurrent("storybot start --sharded", () => {
  it("runs two shard processes that each answer the guilds Discord routes to them, and stops them all on SIGTERM", { timeout: 40_000 }, async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test, { guilds: 2, shards: 2 });
    const [first, second] = emulator.world.guilds;
    expect([shardOf(first!.id, 2), shardOf(second!.id, 2)]).toEqual([0, 1]);
    const manager = startStorybot({ args: ["start", "--sharded"], cwd: cwd(), env: { DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl, SHARD_COUNT: "2" } });
    test.onTestFinished(() => void manager.child.kill("SIGKILL"));
    await manager.printed(/"msg":"all shards ready"/);
    // each shard logs its own "ready" once discord.js says the client is ready, a moment after it told the manager
    for (const id of [0, 1]) await manager.printed(new RegExp(`"shard":${id},[^\n]*"msg":"ready"`));

    const identified = emulator.gateway.received.filter((op) => op.op === 2).map((op) => op.d.shard);
    expect(identified.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const ready = manager.logLines().filter((l) => l.msg === "ready");
    expect(ready.map((l) => [l.shard, l.guilds]).sort()).toEqual([
      [0, 1],
      [1, 1],
    ]);

    for (const [guild, shard] of [
      [first!, 0],
      [second!, 1],
    ] as const) {
      const asked = slashCommand(emulator.world, user(`member-of-${guild.name}`), "ask", { question: "who laid flowers?" }, guild);
      const call = await emulator.interact(asked);
      expect(call.body.data.embeds[0].title).toBe("Kim Jong-un");
      // Discord sent it to that guild's shard only
      expect(emulator.gateway.delivered.filter((d) => d.d?.id === asked.id).map((d) => d.shard)).toEqual([[shard, 2]]);
    }

    manager.child.kill("SIGTERM");
    expect(await manager.exit).toBe(0);
    expect(manager.logLines().find((l) => l.msg === "all shards stopped")).toMatchObject({ codes: [0, 0] });
    expect(emulator.gateway.closes.map((c) => [c.by, c.code, c.shard]).sort()).toEqual([
      ["client", 1000, [0, 2]],
      ["client", 1000, [1, 2]],
    ]);
    expect(manager.output()).not.toContain(emulator.world.token);
  });

  it("refuses a SHARD_COUNT that is not a number of shards, naming the variable, and starts nothing", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test);
    const run = startStorybot({ args: ["start", "--sharded"], cwd: cwd(), env: { DISCORD_TOKEN: emulator.world.token, DISCORD_API_URL: emulator.apiUrl, SHARD_COUNT: "two" } });
    expect(await run.exit).toBe(2);
    expect(run.output()).toMatch(/SHARD_COUNT: must be a whole number of shards/);
    expect(emulator.rest.calls).toEqual([]);
  });
});

describe("the shard plan", () => {
  it("reads SHARD_COUNT as a whole number from 1, or auto", ({ expect }) => {
    expect(parseShardCount("2")).toBe(2);
    expect(parseShardCount(" 16 ")).toBe(16);
    expect(parseShardCount("auto")).toBe("auto");
    for (const bad of [undefined, "", "0", "-1", "2.5", "two", "1e3", "0x2"]) expect(() => parseShardCount(bad), String(bad)).toThrow(/SHARD_COUNT/);
  });

  it("resolves auto through DISCORD_API_URL (GET /gateway/bot), not discord.com", async (test) => {
    const { expect } = test;
    const emulator = await emulatorForTest(test, { shards: 3, maxConcurrency: 2 });
    const plan = await planShards({ token: emulator.world.token, apiUrl: emulator.apiUrl, setting: "auto" });
    expect(plan).toEqual({ count: 3, recommended: 3, groups: [[0, 1], [2]] });
    expect(emulator.rest.calls.map((c) => `${c.method} ${c.path} ${c.authorized}`)).toEqual(["GET /gateway/bot true"]);
  });

  it("starts shards in groups of max_concurrency consecutive ids, whose rate-limit keys differ", ({ expect }) => {
    expect(identifyGroups(5, 16)).toEqual([[0, 1, 2, 3, 4]]);
    expect(identifyGroups(5, 1)).toEqual([[0], [1], [2], [3], [4]]);
    for (const group of identifyGroups(40, 16)) expect(new Set(group.map((id) => id % 16)).size).toBe(group.length);
  });
});
