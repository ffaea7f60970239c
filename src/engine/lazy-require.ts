/**
 * A package loaded on first use rather than at import: the engine has one entry point, and a
 * cached `storybot ask` must not pay for chrono-node, yaml or fuse.js (~130 ms) before answering
 * unless the question needs them (test/ask-imports.test.ts checks the import graph). Each caller
 * names its package literally: `lazy(() => require("yaml"))`.
 */
import { createRequire } from "node:module";

export const require = createRequire(import.meta.url);

export function lazy<T>(load: () => unknown): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load() as T);
}
