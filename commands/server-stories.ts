/** The Stories a command sees in a server: that server's library and default story. */
import type { ServerLibraries } from "../src/servers/server-libraries.js";
import { Stories } from "./stories-service.js";

/** One Stories (and its fuzzy index of titles) per library and default, not one per interaction. */
const made = new WeakMap<object, Map<string, Stories>>();

export async function storiesFor(servers: ServerLibraries, guild: string | null): Promise<Stories> {
  const { library, defaultStory } = await servers.libraryFor(guild);
  let byDefault = made.get(library);
  if (!byDefault) made.set(library, (byDefault = new Map()));
  const key = defaultStory ?? "";
  let stories = byDefault.get(key);
  if (!stories) byDefault.set(key, (stories = new Stories(library, defaultStory)));
  return stories;
}
