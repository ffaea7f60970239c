/**
 * Ingest at start-up, in the bot's log: a bot whose stories are not yet cached can take a while to
 * log in (a 1 MB article: tens of seconds), and a silent wait looks like a hang. Says how many
 * articles must be ingested, names each large or slow one, reports every few seconds, and totals.
 */
import type { Logger } from "pino";
import type { IngestProgress } from "../engine/index.js";

/** Articles from this size on are named before they are ingested. */
export const LARGE_ARTICLE_BYTES = 200_000;
/** An article that took this long is named after. */
export const SLOW_INGEST_MS = 2000;
const REPORT_EVERY_MS = 10_000;

export function ingestLog(log: Logger): IngestProgress {
  let total = 0;
  let done = 0;
  let started = 0;
  let articleStarted = 0;
  let reported = 0;
  const now = () => performance.now();
  return {
    start(count) {
      total = count;
      started = reported = now();
      log.info({ articles: count }, "ingesting articles that are not in the cache yet");
    },
    begin(file, bytes) {
      articleStarted = now();
      if (bytes >= LARGE_ARTICLE_BYTES) log.info({ file, bytes }, "ingesting a large article; this can take a while");
    },
    advance(file) {
      done++;
      const t = now();
      const ms = Math.round(t - articleStarted);
      if (ms >= SLOW_INGEST_MS) log.info({ file, ms }, "article ingested");
      if (t - reported >= REPORT_EVERY_MS && done < total) {
        reported = t;
        log.info({ done, total, elapsedS: Math.round((t - started) / 1000) }, "still ingesting");
      }
    },
    stop() {
      if (total) log.info({ articles: done, ms: Math.round(now() - started) }, "ingest finished");
    },
  };
}
