/** /stories: what the bot can answer about. */
import { SlashCommandBuilder } from "discord.js";
import { displayDate } from "../src/render/answer.js";
import { bold, line } from "../src/render/rich.js";
import { defineCommand } from "./command.js";

export const stories = defineCommand({
  data: new SlashCommandBuilder().setName("stories").setDescription("List the stories the bot can answer about"),
  async run(ctx) {
    const list = ctx.stories.list();
    const current = ctx.stories.defaultId;
    const body = list.length
      ? list.map((s) => {
          const meta = [s.source, displayDate(s.published), `${s.paragraphCount} paragraphs`, `id: ${s.id}`].filter(Boolean).join(" · ");
          const missing = s.missing?.length ? ` — ${s.missing.join("; ")}` : "";
          return line(bold(s.title), s.id === current ? " (current)" : "", ` — ${meta}`, missing);
        })
      : [line("No story is loaded: put an article (.txt, .md or .html) in data/stories.")];
    await ctx.reply({ card: { title: list.length === 1 ? "1 story" : `${list.length} stories`, body }, private: true });
  },
});
