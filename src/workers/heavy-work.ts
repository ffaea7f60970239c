/**
 * Work too heavy for the bot's event loop, done in worker threads (piscina): while one story is
 * summarised, every other user's question is still answered and the gateway heartbeat still beats.
 * A story read from an article file goes to a worker, which reads it itself (through the ingest
 * cache); a story that lives only in memory is summarised in place, as before.
 *
 * piscina rather than bare worker_threads: a queue, a pool that grows and shrinks with the load,
 * and a worker that dies is replaced (docs/reliability.md has the figures).
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { UserError } from "../../commands/command.js";
import { summarize, type Story, type Summary, type SummaryLength } from "../engine/index.js";
import type { SummaryResult, SummaryTask, WorkerSettings } from "./summary-task.js";

/** tsx runs the TypeScript sources (tests, `npm run bench:*`); the build runs the compiled .js */
const fromSource = import.meta.url.endsWith(".ts");
const WORKER = new URL(`./summary-task.${fromSource ? "ts" : "js"}`, import.meta.url);

export interface HeavyWorkOptions extends WorkerSettings {
  /** worker threads at most (default: one less than the cores, at least one) */
  threads?: number;
}

export class HeavyWork {
  private readonly pool: Piscina;

  constructor(options: HeavyWorkOptions) {
    this.pool = new Piscina({
      filename: WORKER.href,
      workerData: { dbFile: options.dbFile } satisfies WorkerSettings,
      minThreads: 0,
      maxThreads: options.threads ?? Math.max(1, availableParallelism() - 1),
      // a worker keeps its parsed stories while questions keep coming, and goes when idle
      idleTimeout: 60_000,
      ...(fromSource ? { execArgv: ["--import", "tsx"] } : {}),
    });
  }

  /** The story's summary; throws a UserError when `about` is not in the story (an UnknownTopicError in place). */
  async summarize(story: Story, options: { length: SummaryLength; about: string | null }): Promise<Summary> {
    if (!story.file) return summarize(story, options);
    const task: SummaryTask = { file: story.file, id: story.id, ...options };
    const result = (await this.pool.run(task)) as SummaryResult;
    if ("unknownTopic" in result) throw new UserError(result.unknownTopic);
    return result.summary;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
