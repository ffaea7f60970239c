/**
 * Real news pages (../shared/news-pages, kept outside the repository) read as stories: the
 * measure of `npm run eval:pages`, held to its targets. Skipped where the folder is absent.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluatePages } from "../scripts/eval-pages-lib.js";

const PAGES = fileURLToPath(new URL("../../shared/news-pages", import.meta.url));

describe.skipIf(!existsSync(PAGES))("the saved real news pages", () => {
  it("keep ≥ 95% of their articles' paragraphs, add ≤ 5% extra lines, and give each title", () => {
    const report = evaluatePages(PAGES);
    expect(report.pages.length).toBeGreaterThanOrEqual(12);
    expect(report.presentShare).toBeGreaterThanOrEqual(0.95);
    expect(report.extraShare).toBeLessThanOrEqual(0.05);
    for (const page of report.pages) expect(page.title.ok, `${page.page}: ${page.title.found}`).toBe(true);
  });
});
