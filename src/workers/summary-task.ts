/**
 * A worker thread's side of the heavy-work pool: summaries of stories read from their article
 * files (through the ingest cache when the bot has one), so that a big story is parsed, ingested
 * if need be, and summarised here rather than on the bot's event loop. Only small things cross
 * between threads: the file name and options in, the summary out.
 */
import { statSync } from "node:fs";
import { workerData } from "node:worker_threads";
import { LRUCache } from "lru-cache";
import { ingestText, loadStoryFile, provideIngest, summarize, UnknownTopicError, type Story, type Summary, type SummaryLength } from "../engine/index.js";
import { openStorage } from "../store/index.js";

export interface SummaryTask {
  file: string;
  id: string;
  length: SummaryLength;
  about: string | null;
}

/** a summary, or the message of the UnknownTopicError it raised (a user mistake to show as it is) */
export type SummaryResult = { summary: Summary } | { unknownTopic: string };

export interface WorkerSettings {
  /** the bot's database file, whose ingest cache the worker reads; null: no cache, ingest here */
  dbFile: string | null;
}

provideIngest(ingestText);
const settings = (workerData ?? { dbFile: null }) as WorkerSettings;
const cache = settings.dbFile ? openStorage(settings.dbFile).ingest : null;
/** a few parsed stories: the same big story summarised again is not parsed again */
const stories = new LRUCache<string, Story>({ max: 8 });

async function storyOf(task: SummaryTask): Promise<Story> {
  const { size, mtimeMs } = statSync(task.file);
  const key = `${task.file}\0${size}\0${mtimeMs}`;
  let story = stories.get(key);
  if (!story) stories.set(key, (story = { ...(await loadStoryFile(task.file, { cache })), id: task.id }));
  return story;
}

export default async function summaryTask(task: SummaryTask): Promise<SummaryResult> {
  const story = await storyOf(task);
  try {
    return { summary: summarize(story, { length: task.length, about: task.about }) };
  } catch (err) {
    // an Error's class does not survive the trip between threads: its fields do
    if (err instanceof UnknownTopicError) return { unknownTopic: err.message };
    throw err;
  }
}
