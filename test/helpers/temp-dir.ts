/** A scratch directory shared by the tests of one file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * A new directory under the system's temp dir, made before the file's tests run and removed with all
 * in it after them. Call it at the top level of a test file; the getter it returns gives the path in
 * hooks and tests.
 */
export function tempDirForFile(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error(`the ${prefix}* directory is made in beforeAll: read it in a hook or a test`);
    return dir;
  };
}
