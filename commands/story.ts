/**
 * /story add|remove|default|list: a server's own stories, for members who may manage the server
 * (Discord hides the command from others through default_member_permissions, and the query checks
 * again). Replies are private. Adding fetches and ingests, so the reply is deferred, then edited.
 */
import { displayDate } from "../src/render/answer.js";
import { bold, line } from "../src/render/rich.js";
import { StoryInputError, type ServerLibraries } from "../src/servers/server-libraries.js";
import { UPLOAD_EXTENSIONS } from "../src/servers/story-input.js";
import { SUBCOMMAND, type RawAttachment } from "./arguments.js";
import { Context, defineCommand, Integration, OptionType, Permission, UserError, type CommandData, type QueryContext } from "./command.js";

const storyChoice = (description: string, required = false) => ({ type: OptionType.String, name: "story", description, autocomplete: true, max_length: 100, required }) as const;

const data = {
  name: "story",
  description: "Add, remove or choose this server's stories",
  default_member_permissions: Permission.ManageGuild,
  contexts: [Context.Guild],
  integration_types: [Integration.GuildInstall],
  options: [
    {
      type: OptionType.Subcommand,
      name: "add",
      description: "Add a story from a link or a file (.txt, .md, .html)",
      options: [
        { type: OptionType.String, name: "url", description: "a link to the article", max_length: 2000 },
        { type: OptionType.Attachment, name: "file", description: "the article as a .txt, .md or .html file" },
      ],
    },
    { type: OptionType.Subcommand, name: "remove", description: "Remove one of this server's stories", options: [storyChoice("the story to remove", true)] },
    { type: OptionType.Subcommand, name: "default", description: "Choose the story commands use when none is named", options: [storyChoice("the story (leave out to go back to the bot's default)")] },
    { type: OptionType.Subcommand, name: "list", description: "This server's stories and the shared ones" },
  ],
} as const satisfies CommandData;

interface StoryArgs {
  [SUBCOMMAND]: "add" | "remove" | "default" | "list";
  url?: string;
  file?: RawAttachment;
  story?: string;
}

interface Listed {
  id: string;
  title: string;
  own: boolean;
  addedAt: string | null;
}

export type StoryResult =
  | { done: "added" | "updated"; id: string; title: string; details: string }
  | { done: "removed"; id: string; title: string }
  | { done: "default"; id: string | null; title: string | null }
  | { done: "list"; stories: Listed[]; defaultId: string | null };

/** What every subcommand needs: a server, a member who may manage it, and the server's library. */
function serverOf(ctx: QueryContext): { guild: string; servers: ServerLibraries } {
  if (!ctx.guild || !ctx.servers) throw new UserError("Stories are added in a Discord server. On the command line, use `storybot story add`.");
  if (!ctx.canManageServer) throw new UserError("Only members who can manage this server can change its stories.");
  return { guild: ctx.guild, servers: ctx.servers };
}

async function run(args: StoryArgs, ctx: QueryContext): Promise<StoryResult> {
  const { guild, servers } = serverOf(ctx);
  switch (args[SUBCOMMAND]) {
    case "add": {
      if (!args.url === !args.file) throw new UserError(`Give the story as a link (url:) or as a file (file:, ${UPLOAD_EXTENSIONS.join(" ")}), one of the two.`);
      const added = await servers.add(guild, args.url ? { url: args.url } : { file: args.file! }, ctx.user.id);
      const details = [added.card.source, displayDate(added.card.published), `${added.card.paragraphCount} paragraphs`].filter(Boolean).join(" · ");
      return { done: added.replaced ? "updated" : "added", id: added.id, title: added.card.title, details };
    }
    case "remove": {
      const card = await servers.remove(guild, ctx.stories.pick(args.story).id);
      return { done: "removed", id: card.id, title: card.title };
    }
    case "default": {
      const card = await servers.setDefault(guild, args.story ? ctx.stories.pick(args.story).id : null);
      return { done: "default", id: card?.id ?? null, title: card?.title ?? null };
    }
    case "list": {
      const listed = await servers.list(guild);
      return { done: "list", stories: listed.map(({ card, added }) => ({ id: card.id, title: card.title, own: !!added, addedAt: added?.addedAt ?? null })), defaultId: ctx.stories.defaultId };
    }
  }
}

export const story = defineCommand({
  data,
  slow: true,
  private: true,
  async query(raw, ctx): Promise<StoryResult> {
    try {
      return await run(raw as unknown as StoryArgs, ctx);
    } catch (err) {
      if (err instanceof StoryInputError) throw new UserError(err.message);
      throw err;
    }
  },
  render(r) {
    switch (r.done) {
      case "added":
      case "updated":
        return { text: [line(r.done === "added" ? "Added " : "Updated ", bold(r.title), ` (id: ${r.id})`), line(r.details), line(`Ask about it with story:${r.id}, or make it this server's default with /story default.`)] };
      case "removed":
        return { text: [line(`Removed “${r.title}” from this server's stories.`)] };
      case "default":
        return { text: [line(r.title ? `Commands in this server now use “${r.title}” when no story is named.` : "This server now uses the bot's default story.")] };
      case "list": {
        const body = r.stories.map((s) => line(bold(s.title), s.id === r.defaultId ? " (default)" : "", ` — id: ${s.id} · ${s.own ? `added ${s.addedAt!.slice(0, 10)}` : "shared"}`));
        return { card: { title: `${r.stories.length} ${r.stories.length === 1 ? "story" : "stories"} in this server`, body } };
      }
    }
  },
});
