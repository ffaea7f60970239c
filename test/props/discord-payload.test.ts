/** The message checker the property tests and `npm run fuzz` use: it must still catch every ping but the one a message means. */
import { describe, expect, it } from "vitest";
import { messageProblems } from "./discord-payload.js";

const quiet = { parse: [], repliedUser: false };
const TARGET = "123456789012345678";

describe("the message checker", () => {
  it("accepts a mention of the user the message's own settings allow (/ask target:)", () => {
    expect(messageProblems({ content: `<@${TARGET}> Kim Jong-un`, allowedMentions: { ...quiet, users: [TARGET] } })).toEqual([]);
  });

  it("flags any other mention, and @everyone, even beside the allowed one", () => {
    expect(messageProblems({ content: `<@${TARGET}> said <@!987654321098765432>`, allowedMentions: { ...quiet, users: [TARGET] } })).toEqual(['content carries live mention syntax "<@!987654321098765432>"']);
    expect(messageProblems({ content: `<@${TARGET}> hi`, allowedMentions: quiet })).toEqual([`content carries live mention syntax "<@${TARGET}>"`]);
    expect(messageProblems({ content: "ask @everyone", allowedMentions: { ...quiet, users: [TARGET] } })).toEqual(['content carries live mention syntax "@everyone"']);
    expect(messageProblems({ content: "the <@&555555555555555555> role", allowed_mentions: { parse: [], replied_user: false } })).toEqual(['content carries live mention syntax "<@&555555555555555555>"']);
  });
});
