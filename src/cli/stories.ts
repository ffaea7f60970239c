/** `storybot stories`: what the bot can answer about. */
import type { Command } from "commander";
import { defaultLibrary } from "./resolve-story.js";

export function registerStories(program: Command): void {
  program
    .command("stories")
    .description("list the stories in data/stories")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const lib = await defaultLibrary();
      const rows = lib.list().map((s) => ({ id: s.id, title: s.title, source: s.source, published: s.published, paragraphs: s.paragraphs.length, missing: s.missing ?? [] }));
      if (opts.json) process.stdout.write(JSON.stringify({ stories: rows, errors: lib.errors }, null, 2) + "\n");
      else {
        for (const r of rows) {
          process.stdout.write(`${r.id}\n  ${r.title}\n  ${[r.source, r.published].filter(Boolean).join(", ") || "no source or date"} · ${r.paragraphs} paragraphs\n`);
          for (const m of r.missing) process.stdout.write(`  ${m}\n`);
        }
        for (const e of lib.errors) process.stderr.write(`skipped ${e.message}\n`);
      }
    });
}
