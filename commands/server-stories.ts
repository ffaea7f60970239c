/** The Stories a command sees in a server: that server's library and default story. */
import type { ServerLibraries } from "../src/servers/server-libraries.js";
import { Stories } from "./stories-service.js";

/** One Stories (and its fuzzy index of titles) per library and default, not one per interaction. */
const made = new WeakMap<object, Map<string, Stories>>();

/** `shared` is the bot's own Stories: a server's share its worker threads for heavy work. */
export async function storiesFor(servers: ServerLibraries, guild: string | null, shared: Stories): Promise<Stories> {
  const { library, defaultStory } = await servers.libraryFor(guild);
  let byDefault = made.get(library);
  if (!byDefault) made.set(library, (byDefault = new Map()));
  const key = defaultStory ?? "";
  let stories = byDefault.get(key);
  if (!stories) byDefault.set(key, (stories = new Stories(library, defaultStory)));
  stories.heavy = shared.heavy;
  return stories;
}
