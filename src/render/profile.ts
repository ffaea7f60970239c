/** What the story says about one person, place or organisation, with each sentence cited by paragraph. */
import type { StoryMeta, Profile } from "../engine/index.js";
import { citation, quoted } from "./answer.js";
import { bold, line, quote, type Block } from "./rich.js";
import type { Reply } from "./reply.js";

const TYPE_LABEL: Record<Profile["type"], string> = { person: "person", place: "place", organisation: "organisation", date: "date", number: "number", other: "name" };

/** A profile as the engine gives it, or as `/who` returns it (its sentences reduced to text and ¶). */
export type ProfileLike = Omit<Profile, "sentences"> & { sentences: { text: string; paragraph: number }[] };

export function profileReply(p: ProfileLike, story: StoryMeta, options: { private?: boolean } = {}): Reply {
  const body: Block[] = [line(bold(p.name), ` (${TYPE_LABEL[p.type]})`)];
  if (p.descriptions.length) body.push(line(`Described as: ${p.descriptions.join("; ")}`));
  if (p.aliases.length) body.push(line(`Also called: ${p.aliases.join(", ")}`));
  for (const s of p.sentences) body.push(quote(`¶${s.paragraph} ${quoted(s.text)}`));
  body.push(citation(null, story));
  return { card: { url: story.url, body }, private: options.private };
}
