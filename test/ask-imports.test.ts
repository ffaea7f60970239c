/**
 * `storybot ask` starts in well under 300 ms only if its static imports stay light: discord.js
 * (~1 s to load) and ingest's chrono-node and yaml (~130 ms) must load only when needed.
 * Checked on the import graph, not with a clock.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HEAVY = ["discord.js", "chrono-node", "yaml", "pino", "zod", "cli-progress", "linkedom", "@mozilla/readability", "markdown-it", "chardet", "iconv-lite"];

/** Packages reachable through static (non-type) imports, each with the file that imports it. */
function staticPackages(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      if (spec!.startsWith(".")) {
        const target = resolve(dirname(file), spec!.replace(/\.js$/, ".ts"));
        if (existsSync(target)) visit(target);
      } else if (!spec!.startsWith("node:") && !packages.has(spec!)) packages.set(spec!, file.slice(ROOT.length));
    }
  };
  visit(resolve(ROOT, entry));
  return packages;
}

describe("what `storybot ask` loads before answering", () => {
  it("keeps discord.js and ingest's libraries off the ask path", () => {
    const loaded = staticPackages("src/cli/ask.ts");
    expect(loaded.has("wink-nlp")).toBe(true);
    for (const name of HEAVY) expect(loaded.get(name), `${name} is imported by ${loaded.get(name)}`).toBeUndefined();
    // fuse.js is required on a question's first misspelling, not before
    expect(loaded.get("fuse.js"), `fuse.js is imported by ${loaded.get("fuse.js")}`).toBeUndefined();
  });

  it("has the bin import only commander up front, and each subcommand when it runs", () => {
    expect([...staticPackages("bin/storybot.ts").keys()]).toEqual(["commander"]);
  });

  it("keeps them off the engine's one entry point, which requires them on first use", () => {
    const loaded = staticPackages("src/engine/index.ts");
    for (const name of HEAVY) expect(loaded.get(name), `${name} is imported by ${loaded.get(name)}`).toBeUndefined();
  });
});
