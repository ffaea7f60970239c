/** The story's people, places, organisations and dates as a Reply, one field per kind. */
import type { StoryMeta, DateFact, Facts, FactType, NameFact } from "../engine/index.js";
import { citation } from "./answer.js";
import { bold, italic, line, type Block, type Rich } from "./rich.js";
import type { Reply } from "./reply.js";
import { showDate } from "./timeline.js";

const TITLE: Record<FactType, string> = { people: "People", places: "Places", organisations: "Organisations", dates: "Dates" };

function where(count: number, paragraphs: number[]): string {
  return ` · ${count}× · ¶${paragraphs.join(", ")}`;
}

function nameLine(f: NameFact): Block {
  const also = f.aliases.length ? ` (also ${f.aliases.join(", ")})` : "";
  const said = f.descriptions.length ? ` — ${f.descriptions.join("; ")}` : "";
  return line(bold(f.name), also, said, italic(where(f.count, f.paragraphs)));
}

function dateLine(f: DateFact): Block {
  const words = f.texts.map((t) => `“${t}”`).join(", ");
  return line(bold(f.date ? showDate(f.date) : "undated"), ` ${words}`, italic(where(f.count, f.paragraphs)));
}

export function factsReply(facts: Facts, story: StoryMeta, options: { private?: boolean } = {}): Reply {
  const fields: { name: string; value: Rich }[] = [];
  for (const type of Object.keys(TITLE) as FactType[]) {
    const list = facts[type];
    if (!list) continue;
    const value = list.length ? (type === "dates" ? (list as DateFact[]).map(dateLine) : (list as NameFact[]).map(nameLine)) : [line(italic("none named"))];
    fields.push({ name: TITLE[type], value });
  }
  return { card: { url: story.url, body: [line(bold("Facts")), citation(null, story)], fields }, private: options.private };
}
