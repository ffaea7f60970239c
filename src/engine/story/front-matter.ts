/** Optional YAML front matter at the top of an article file ("---" … "---"). */
import type * as Yaml from "yaml";
import { lazy, require } from "../lazy-require.js";

const yaml = lazy<typeof Yaml>(() => require("yaml"));

export interface FrontMatter {
  title?: string;
  source?: string;
  url?: string;
  published?: string;
  place?: string;
  author?: string;
}

const FIELDS = ["title", "source", "url", "published", "place", "author"] as const;

export class StoryFormatError extends Error {}

export function splitFrontMatter(text: string): { meta: FrontMatter; body: string } {
  // a byte-order mark (files saved on Windows) comes before the opening ---
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  let data: unknown;
  try {
    data = yaml().parse(m[1]!);
  } catch (err) {
    throw new StoryFormatError(`unreadable front matter: ${(err as Error).message.split("\n")[0]}`);
  }
  if (data !== null && (typeof data !== "object" || Array.isArray(data))) {
    throw new StoryFormatError("unreadable front matter: expected key: value lines");
  }
  const meta: FrontMatter = {};
  for (const key of FIELDS) {
    const value = (data as Record<string, unknown> | null)?.[key];
    if (value === undefined || value === null) continue;
    // YAML reads an unquoted 2020-10-22 as a Date
    meta[key] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
  return { meta, body: text.slice(m[0].length) };
}
