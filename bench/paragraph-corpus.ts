/**
 * A corpus of stories made of real paragraphs read from JSONL files whose lines carry a paragraph
 * (`context`) and a question about it (`q` or `question`), as SQuAD-style sets do: `npm run bench
 * -- --paragraphs a.jsonl,b.jsonl`. It measures the scale figures on prose unlike the repository's
 * own, with questions spread over distinct articles. The files are read where they are; the
 * stories go to the benchmark's temporary folder, never into the repository.
 *
 * Story i takes paragraphs 20i … 20i + 19 of the files' distinct paragraphs, in order, starting
 * over when there are fewer than the corpus needs; its title is its first paragraph's `title`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ParagraphCorpus {
  stories: number;
  /** questions whose paragraph is in some story, spread over the corpus */
  questions: string[];
}

interface Line {
  context?: unknown;
  title?: unknown;
  q?: unknown;
  question?: unknown;
  /** false for a question the paragraph does not answer */
  accept?: unknown;
}

export function paragraphCorpus(files: string[], options: { count: number; perStory?: number; questions: number; outDir: string }): ParagraphCorpus {
  const perStory = options.perStory ?? 20;
  const paragraphs: { text: string; title: string }[] = [];
  const seen = new Set<string>();
  const asked: { question: string; paragraph: string }[] = [];
  for (const file of files) {
    for (const raw of readFileSync(file, "utf8").split("\n")) {
      if (!raw.trim()) continue;
      const line = JSON.parse(raw) as Line;
      if (typeof line.context !== "string" || !line.context.trim()) continue;
      const text = line.context.replace(/\s*\n\s*/g, " ").trim();
      if (!seen.has(text)) {
        seen.add(text);
        paragraphs.push({ text, title: typeof line.title === "string" && line.title.trim() ? line.title.trim().replace(/_/g, " ") : "Report" });
      }
      const question = typeof line.q === "string" ? line.q : typeof line.question === "string" ? line.question : null;
      if (question && line.accept !== false) asked.push({ question, paragraph: text });
    }
  }
  if (!paragraphs.length) throw new Error(`--paragraphs: no line with a "context" paragraph in ${files.join(", ")}`);
  mkdirSync(options.outDir, { recursive: true });
  const used = new Set<string>();
  for (let i = 0; i < options.count; i++) {
    const own = Array.from({ length: perStory }, (_, j) => paragraphs[(i * perStory + j) % paragraphs.length]!);
    own.forEach((p) => used.add(p.text));
    const id = `story-${String(i + 1).padStart(5, "0")}`;
    writeFileSync(join(options.outDir, `${id}.txt`), `${own[0]!.title} report ${i + 1}\n\n${own.map((p) => p.text).join("\n\n")}\n`);
  }
  const answerable = asked.filter((a) => used.has(a.paragraph));
  // a prime stride spreads the questions over the files' subjects rather than taking the first ones
  const questions = Array.from({ length: Math.min(options.questions, answerable.length) }, (_, i) => answerable[(i * 7919) % answerable.length]!.question);
  return { stories: options.count, questions };
}
