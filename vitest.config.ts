import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // many tests start real storybot processes (through tsx) side by side: on a 2-core machine shared
    // with other work one such start takes several seconds, and 20 s let busy runs fail on time alone
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
