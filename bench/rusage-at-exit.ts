/**
 * Preloaded into a `storybot` process the benchmark spawns (node --import): at exit, the process
 * writes its own CPU time and peak RSS to the file STORYBOT_BENCH_RUSAGE names. Node cannot ask
 * for a child's resource usage, and /usr/bin/time is not everywhere.
 */
import { writeFileSync } from "node:fs";

const file = process.env.STORYBOT_BENCH_RUSAGE;
if (file) {
  process.on("exit", () => {
    const r = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, peakRssMb: r.maxRSS / 1024 }));
  });
}
