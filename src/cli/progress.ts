/** A progress bar for ingesting many articles: on a terminal only, so pipes and logs stay clean. */
import type { IngestProgress } from "../engine/index.js";

/** Fewer articles than this ingest too quickly for a bar to help. */
const MIN_ARTICLES = 2;

export function ingestProgressBar(stream: NodeJS.WriteStream = process.stderr): IngestProgress | undefined {
  if (!stream.isTTY) return undefined;
  let bar: import("cli-progress").SingleBar | null = null;
  return {
    async start(total) {
      if (total < MIN_ARTICLES) return;
      // loaded here: a run that finds every story cached never pays for it
      const { SingleBar, Presets } = await import("cli-progress");
      bar = new SingleBar({ stream, format: "ingesting stories [{bar}] {value}/{total} {file}", hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
      bar.start(total, 0, { file: "" });
    },
    advance(file) {
      bar?.increment(1, { file });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
