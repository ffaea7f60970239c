/**
 * A large text file of lines, read in place with positional reads: a line at a byte offset, or a
 * binary search for a key over lines sorted by their first word. Holding WordNet's files as
 * strings cost ~17 MB of every process; a lookup this way is ~20 reads of a few hundred bytes.
 */
import { fstatSync, openSync, readSync } from "node:fs";

const NEWLINE = 0x0a;
const CHUNK = 1024;
/**
 * Lines a binary search has met, by the byte it probed: every search probes the same middles first,
 * so a search for a word never looked up reads a few lines, not ~40 (~80 → ~45 µs, a known one ~5 µs).
 */
const PROBES_KEPT = 4096;

interface Line {
  start: number;
  text: string;
  end: number;
}

export class LineFile {
  private fd: number | null = null;
  private size = 0;
  private buffer = Buffer.alloc(CHUNK);
  private readonly probes = new Map<number, Line | null>();

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
  private lineStartingFrom(at: number, before: number): Line | null {
    let line = this.probes.get(at);
    if (line === undefined) {
      line = this.firstLineFrom(at);
      if (this.probes.size >= PROBES_KEPT) this.probes.clear();
      this.probes.set(at, line);
    }
    return line && line.start < before ? line : null;
  }

  private firstLineFrom(at: number): Line | null {
    if (at === 0) return { start: 0, ...this.lineFrom(0) };
    // the line containing byte at - 1 ends somewhere; the next one starts after its newline
    for (let from = at - 1; from < this.size; from += CHUNK) {
      const bytes = this.read(from, CHUNK);
      const nl = bytes.indexOf(NEWLINE);
      if (nl < 0) continue;
      const start = from + nl + 1;
      if (start >= this.size) return null;
      // an index line is short: most often the same read holds all of it
      const next = bytes.indexOf(NEWLINE, nl + 1);
      if (next >= 0) return { start, text: bytes.toString("latin1", nl + 1, next), end: from + next };
      return { start, ...this.lineFrom(start) };
    }
    return null;
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
