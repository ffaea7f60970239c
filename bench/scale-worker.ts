/**
 * Runs one phase of the scale benchmark in its own process (see scale.ts) and prints its result
 * as one JSON line. Arguments: build DIR DB_FILE | load DIR DB_FILE WORK_FILE TIME_MS
 */
import { readFileSync } from "node:fs";
import { buildPhase, loadPhase, type WorkItem } from "./scale.js";

const [phase, dir, dbFile, workFile, time] = process.argv.slice(2);
if (!dir || !dbFile || (phase !== "build" && phase !== "load") || (phase === "load" && !workFile)) {
  process.stderr.write("usage: scale-worker build DIR DB_FILE | load DIR DB_FILE WORK_FILE [TIME_MS]\n");
  process.exit(2);
}
async function load() {
  const work = JSON.parse(readFileSync(workFile!, "utf8")) as WorkItem[];
  const budget = Number(time ?? 2000);
  return loadPhase(dir!, dbFile!, work, { time: budget, warmupTime: budget / 4 });
}
const result = phase === "build" ? await buildPhase(dir, dbFile) : await load();
process.stdout.write(JSON.stringify(result) + "\n");
