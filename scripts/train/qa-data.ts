/**
 * Question–answer rows for training and measuring ({q, accept, context, title, source, id}: the
 * format of ../shared/train and ../shared/eval), and their split into train / calibration / dev by
 * a hash of the article they come from, so that no article's paragraphs sit on both sides.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export interface QaRow {
  id: string;
  q: string;
  /** alternative gold answers, each a list of phrases; null when the context does not answer */
  accept: string[][] | null;
  context: string;
  title: string;
  source: string;
}

export type Split = "train" | "calibrate" | "dev";

export function readRows(path: string): QaRow[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => f.endsWith(".jsonl")).sort().map((f) => join(path, f))
    : [path];
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l, i) => {
        const r = JSON.parse(l) as Partial<QaRow> & { q: string; context: string };
        return { id: r.id ?? `${file}:${i}`, q: r.q, accept: r.accept ?? null, context: r.context, title: r.title ?? "", source: r.source ?? file } as QaRow;
      }),
  );
}

/**
 * The article a row belongs to: its title, except where one title covers a whole forum (every
 * Reddit post shares one), where each paragraph is its own article.
 */
export function articleOf(r: QaRow): string {
  return /reddit/i.test(r.source) || !r.title ? r.context : r.title;
}

function bucket(key: string): number {
  return createHash("sha1").update(key).digest().readUInt32BE(0) % 100;
}

/**
 * 70% train, 15% calibrate, 15% dev, fixed by the hash of each row's article so that no article's
 * paragraphs sit on both sides. A source of fewer than 20 articles (SQuAD's first articles, which
 * hold every real unanswerable question; a test's few) is split by paragraph instead, or its
 * questions would all fall on one side.
 */
export function splitRows(rows: readonly QaRow[]): Map<QaRow, Split> {
  const articles = new Map<string, Set<string>>();
  for (const r of rows) (articles.get(r.source) ?? articles.set(r.source, new Set()).get(r.source)!).add(articleOf(r));
  return new Map(rows.map((r) => {
    const byArticle = articles.get(r.source)!.size >= 20;
    const h = bucket(byArticle ? articleOf(r) : r.context);
    return [r, h < 70 ? "train" : h < 85 ? "calibrate" : "dev"];
  }));
}

/** Every k-th row, so that a sample spans the articles instead of the first few. */
export function sample<T>(rows: readonly T[], limit: number | undefined): T[] {
  if (!limit || limit >= rows.length) return [...rows];
  const step = rows.length / limit;
  return Array.from({ length: limit }, (_, i) => rows[Math.floor(i * step)]!);
}

export function goldAnswers(r: QaRow): string[] {
  return (r.accept ?? []).map((alt) => alt.join(" "));
}
