/**
 * Counts the run the way vitest's own summary does: an `it.fails` test that failed as expected is
 * "expected fail", not "passed"; skipped and todo tests are "skipped". Writes them as JSON to the
 * file named by STORYBOT_VITEST_COUNTS, for .ci/run's closing line.
 */
import { writeFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

export default class CountsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, expectedFail: 0, skipped: 0, unhandledErrors: errors.length, failedModules: 0 };
    for (const module of modules) {
      // a file that could not even be collected has no tests to count, but it did fail
      if (module.state() === "failed" && ![...module.children.allTests()].length) counts.failedModules++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "failed") counts.failed++;
        else if (state === "passed") counts[test.options.fails ? "expectedFail" : "passed"]++;
        else counts.skipped++;
      }
    }
    const file = process.env.STORYBOT_VITEST_COUNTS;
    if (file) writeFileSync(file, JSON.stringify(counts));
  }
}
