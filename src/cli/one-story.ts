/** `--story` for commands that read one story (summary, timeline, facts, who), not a whole library. */
import type { Story } from "../engine/index.js";
import { resolveTarget, UsageError } from "./resolve-story.js";

export async function resolveOneStory(ref: string | undefined): Promise<Story> {
  const target = await resolveTarget(ref);
  if (target.story) return target.story;
  throw new UsageError(`several stories are loaded (${target.library.ids().join(", ")}): choose one with --story`);
}
