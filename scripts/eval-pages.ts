/**
 * How well web pages become stories, on saved real pages (a folder of page folders, each with
 * source.html, expected.html and expected-metadata.json: ../shared/news-pages by default).
 *
 * Per page: whether title, byline and date were found (and agree with the expected metadata), the
 * share of the expected article paragraphs that are among the story's paragraphs, and the share of
 * the story's paragraphs that are not expected (extra lines). Expected paragraphs are the <p> and
 * <li> blocks of expected.html outside figures; subheads are not paragraphs. A story's ¶1 has its
 * dateline ("CAIRO —") taken off, which still counts as the expected paragraph.
 *
 *   npm run eval:pages [-- DIR] [--json] [--verbose]
 */
import { existsSync } from "node:fs";
import { evaluatePages, formatReport } from "./eval-pages-lib.js";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--")) ?? new URL("../../shared/news-pages", import.meta.url).pathname;
if (!existsSync(dir)) {
  process.stderr.write(`eval:pages: no page folder at ${dir}\n`);
  process.exit(2);
}
const report = evaluatePages(dir);
if (args.includes("--json")) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
else process.stdout.write(formatReport(report, args.includes("--verbose")));
