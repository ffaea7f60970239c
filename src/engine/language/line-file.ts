/**
 * A large text file of lines, read in place with positional reads: a line at a byte offset, or a
 * binary search for a key over lines sorted by their first word. Holding WordNet's files as
 * strings cost ~17 MB of every process; a lookup this way is ~20 reads of a few hundred bytes.
 */
import { fstatSync, openSync, readSync } from "node:fs";

const NEWLINE = 0x0a;
const CHUNK = 1024;

export class LineFile {
  private fd: number | null = null;
  private size = 0;
  private buffer = Buffer.alloc(CHUNK);

  constructor(private readonly path: string) {}

  private open(): number {
    if (this.fd === null) {
      this.fd = openSync(this.path, "r");
      this.size = fstatSync(this.fd).size;
    }
    return this.fd;
  }

  /** The bytes [from, from + n), or fewer at the end of the file. */
  private read(from: number, n: number): Buffer {
    if (this.buffer.length < n) this.buffer = Buffer.alloc(n);
    const got = readSync(this.open(), this.buffer, 0, n, from);
    return this.buffer.subarray(0, got);
  }

  /** The line that starts at byte `start` (latin1: one character a byte), and where it ends. */
  lineFrom(start: number): { text: string; end: number } {
    this.open();
    for (let n = CHUNK; ; n *= 2) {
      const bytes = this.read(start, n);
      const nl = bytes.indexOf(NEWLINE);
      if (nl >= 0 || start + bytes.length >= this.size) {
        const length = nl >= 0 ? nl : bytes.length;
        return { text: bytes.toString("latin1", 0, length), end: start + length };
      }
    }
  }

  /** The first line starting at or after byte `at`, or null when none does before `before`. */
  private lineStartingFrom(at: number, before: number): { start: number; text: string; end: number } | null {
    let start = at;
    if (at > 0) {
      // the line containing byte at - 1 ends somewhere; the next one starts after its newline
      for (let from = at - 1; ; from += CHUNK) {
        if (from >= before) return null;
        const bytes = this.read(from, CHUNK);
        if (!bytes.length) return null;
        const nl = bytes.indexOf(NEWLINE);
        if (nl >= 0) {
          start = from + nl + 1;
          break;
        }
      }
    }
    if (start >= before) return null;
    return { start, ...this.lineFrom(start) };
  }

  /**
   * The line whose first word (up to a space) is `key`, in a file sorted by that word. Lines
   * whose first word is empty (a header indented with spaces) sort before every key.
   */
  find(key: string): string | null {
    if (key === "") return null;
    let lo = 0;
    let hi = (this.open(), this.size);
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      const line = this.lineStartingFrom(mid, hi);
      if (!line) {
        hi = mid;
        continue;
      }
      const space = line.text.indexOf(" ");
      const word = space < 0 ? line.text : line.text.slice(0, space);
      if (word === key) return line.text;
      if (word === "" || word < key) lo = line.end + 1;
      else hi = mid;
    }
    return null;
  }
}
