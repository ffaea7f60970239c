/** Story ids, apart from ingest so that loading cached stories never pulls in the NLP libraries. */
import { basename, extname } from "node:path";

/** A story id from a file name: "Korea Herald 2020-10-22.txt" → "korea-herald-2020-10-22". */
export function storyIdFromFile(file: string): string {
  const id = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return id || "story";
}
