/**
 * Runs one phase of the scale benchmark in its own process (see scale.ts) and prints its result
 * as one JSON line. Arguments: build DIR CACHE_DIR | load DIR CACHE_DIR WORK_FILE TIME_MS
 */
import { readFileSync } from "node:fs";
import { buildPhase, loadPhase, type WorkItem } from "./scale.js";

const [phase, dir, cacheDir, workFile, time] = process.argv.slice(2);
if (!dir || !cacheDir || (phase !== "build" && phase !== "load") || (phase === "load" && !workFile)) {
  process.stderr.write("usage: scale-worker build DIR CACHE_DIR | load DIR CACHE_DIR WORK_FILE [TIME_MS]\n");
  process.exit(2);
}
async function load() {
  const work = JSON.parse(readFileSync(workFile!, "utf8")) as WorkItem[];
  const budget = Number(time ?? 2000);
  return loadPhase(dir!, cacheDir!, work, { time: budget, warmupTime: budget / 4 });
}
const result = phase === "build" ? await buildPhase(dir, cacheDir) : await load();
process.stdout.write(JSON.stringify(result) + "\n");
