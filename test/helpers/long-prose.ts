/**
 * A long story of real prose for tests and benchmarks: the body paragraphs of the test articles
 * (test/fixtures/engine), over and over, after a headline and a dateline, up to a size in bytes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The source tree's test articles, whether this runs from the sources or from dist/. */
function fixtureDir(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const root = here.includes("/dist/") ? join(here, "..", "..", "..") : join(here, "..", "..");
  return join(root, "test", "fixtures", "engine");
}

export function longProse(targetBytes: number, title = "A very long story of real prose"): string {
  const dir = fixtureDir();
  const paragraphs = readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .flatMap((n) => readFileSync(join(dir, n), "utf8").split(/\n\s*\n/).slice(2));
  const out = [title, "LONDON, March 3, 2024 (Wire) — " + paragraphs[0]];
  let size = out.join("\n\n").length;
  for (let i = 1; size < targetBytes; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    size += p.length + 2;
  }
  return out.join("\n\n");
}
