/**
 * Passage-ranker benchmark: which ranker puts the sentence holding the gold answer first?
 *
 *   npx tsx bench/rankers.ts [--json] [--limit N] [--set NAME] [--no-pooled] [--repeat N]
 *
 * --repeat N times each query N times and keeps the fastest (steadier on a busy machine).
 *
 * Question sets (JSONL, {q, type, accept: [[phrase, …], …] | null, context? | story?}, or the
 * project's {question, kind?, answers | expect: [phrase, …] | null, story?}, any one phrase
 * accepted; a story is a path from the repo root, an id in data/stories/ or an article file name
 * under test/fixtures/; without one, the one article in data/stories/):
 *   - squad-wh   ../shared/eval/squad-wh.jsonl (read at run time; the article is each line's `context`)
 *   - squad-pooled  the same questions over all 177 paragraphs joined into one long article
 *                (only sentences of the question's own paragraph count as gold); --no-pooled skips it
 *   - seed-dev   ../shared/eval/seed-dev.jsonl (about the seed story in data/stories/)
 *   - the project's own test/questions/*.jsonl, when present
 * A sentence holds the gold when every phrase of one accepted alternative occurs in it (case,
 * punctuation and hyphens ignored, whole words), the rule ../shared/eval/score.mjs applies to
 * answers. Unanswerable lines (accept null) are skipped.
 *
 * Rankers: the engine's BM25 (search-index.ts), fuse.js classic Bitap over the raw
 * question, fuse.js token search (7.3+, full build), fuse.js extended search with the keywords
 * OR-ed, and reciprocal-rank fusion of the engine with each fuse variant. Time per query is the
 * ranking call plus, for rankers that need the question's keywords, parseQuestion; building each
 * story's index is reported separately (build ms/story).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Fuse, { type IFuseOptions } from "fuse.js";
import { ingestText, storyIdFromFile, type Story } from "../src/engine/index.js";
import { parseQuestion, type ParsedQuestion } from "../src/engine/answer/question.js";
import { indexOf } from "../src/engine/index/search-index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const EVAL_DIR = process.env.STORYBOT_EVAL_DIR ?? resolve(ROOT, "../shared/eval");
const STORY_DIR = join(ROOT, "data/stories");

/** Reciprocal-rank fusion constant (Cormack et al. 2009); not tuned on these questions. */
export const RRF_K = 60;
/** questions ranked untimed before each ranker's timed pass */
const WARM_UP = 10;

// ---------------------------------------------------------------- gold matching

/** score.mjs's normalisation: lower case, every run of non-letters/digits one space, padded. */
export function norm(s: string): string {
  return ` ${s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

/** True when every phrase of one alternative occurs in the text. */
export function holdsGold(text: string, accept: string[][]): boolean {
  const t = norm(text);
  return accept.some((alt) => alt.length > 0 && alt.every((p) => t.includes(norm(p))));
}

// ---------------------------------------------------------------- fusion

/**
 * Reciprocal-rank fusion: each list gives a sentence 1 / (k + rank) (rank from 1); a sentence
 * missing from a list gets nothing from it. Ties go to the earlier list's order, then sentence id.
 */
export function rrf(lists: number[][], k = RRF_K): number[] {
  const score = new Map<number, number>();
  const firstRank = new Map<number, number>();
  lists.forEach((list, li) => {
    list.forEach((id, i) => {
      score.set(id, (score.get(id) ?? 0) + 1 / (k + i + 1));
      if (!firstRank.has(id)) firstRank.set(id, li * 1e6 + i);
    });
  });
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || firstRank.get(a)! - firstRank.get(b)! || a - b);
}

// ---------------------------------------------------------------- question sets

interface Item {
  q: string;
  type: string;
  accept: string[][];
  story: Story;
  /** normalised text of the question's own paragraph, when the story pools many (the gold must come from it) */
  scope?: string;
}

interface QuestionSet {
  name: string;
  file: string;
  items: Item[];
  skipped: number;
  stories: number;
}

/** The shared sets' shape ({q, type, accept}) or the project's ({question, kind, answers}). */
interface RawLine {
  q?: string;
  question?: string;
  type?: string;
  kind?: string;
  accept?: string[][] | null;
  /** alternatives, each a single phrase */
  answers?: string[] | null;
  expect?: string[] | null;
  context?: string;
  story?: string;
}

/** Article files under a directory, recursively (the project's fixtures live in test/fixtures/**). */
function articleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? articleFiles(join(dir, e.name)) : [".txt", ".md"].includes(extname(e.name).toLowerCase()) ? [join(dir, e.name)] : [],
  );
}

function defaultStoryFile(): string | null {
  if (!existsSync(STORY_DIR)) return null;
  const files = readdirSync(STORY_DIR).filter((n) => [".txt", ".md"].includes(extname(n).toLowerCase()));
  return files.length === 1 ? join(STORY_DIR, files[0]!) : null;
}

function storyFileFor(ref: string | undefined, base: string): string | null {
  if (ref === undefined) return defaultStoryFile();
  for (const p of [resolve(ROOT, ref), resolve(base, ref), join(STORY_DIR, `${ref}.txt`), join(STORY_DIR, `${ref}.md`)]) {
    if (existsSync(p)) return p;
  }
  // a story id: the article file of that name under test/fixtures
  return articleFiles(join(ROOT, "test/fixtures")).find((f) => basename(f, extname(f)) === ref) ?? null;
}

/** The question word, for sets whose lines do not say ("Which leader …" → "other"). */
function kindOf(q: string): string {
  const w = /\b(who|whom|whose|when|where)\b/i.exec(q)?.[1]?.toLowerCase();
  return !w ? "other" : w.startsWith("who") ? "who" : w;
}

function loadSet(name: string, file: string, limit: number): QuestionSet {
  const byContext = new Map<string, Story>();
  const byFile = new Map<string, Story>();
  const items: Item[] = [];
  let skipped = 0;
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
  for (const line of lines) {
    if (items.length >= limit) break;
    let raw: RawLine;
    try {
      raw = JSON.parse(line) as RawLine;
    } catch {
      skipped++;
      continue;
    }
    const q = raw.q ?? raw.question;
    const phrases = Array.isArray(raw.answers) ? raw.answers : Array.isArray(raw.expect) ? raw.expect : null;
    const accept = Array.isArray(raw.accept) ? raw.accept : phrases ? phrases.map((a) => [a]) : null;
    if (!q || !accept || accept.length === 0) {
      skipped++;
      continue;
    }
    let story: Story | undefined;
    if (raw.context) {
      story = byContext.get(raw.context);
      if (!story) {
        story = ingestText(raw.context, `${name}-${byContext.size + 1}`);
        byContext.set(raw.context, story);
      }
    } else {
      const path = storyFileFor(raw.story, dirname(file));
      if (path) {
        story = byFile.get(path);
        if (!story) {
          story = ingestText(readFileSync(path, "utf8"), storyIdFromFile(path), path);
          byFile.set(path, story);
        }
      }
    }
    if (!story || story.sentences.length === 0) {
      skipped++;
      continue;
    }
    items.push({ q, type: raw.type ?? raw.kind ?? kindOf(q), accept, story });
  }
  return { name, file, items, skipped, stories: byContext.size + byFile.size };
}

function questionSets(limit: number, only: string | null, pooled: boolean): QuestionSet[] {
  const files: [string, string][] = [
    ["squad-wh", join(EVAL_DIR, "squad-wh.jsonl")],
    ["seed-dev", join(EVAL_DIR, "seed-dev.jsonl")],
  ];
  const own = join(ROOT, "test/questions");
  if (existsSync(own)) {
    for (const n of readdirSync(own).filter((n) => n.endsWith(".jsonl")).sort()) files.push([`project:${n.replace(/\.jsonl$/, "")}`, join(own, n)]);
  }
  const sets: QuestionSet[] = [];
  for (const [name, file] of files) {
    if (only && name !== only && !(name === "squad-wh" && only === "squad-pooled")) continue;
    if (!existsSync(file)) {
      process.stderr.write(`(skipping ${name}: ${file} not found)\n`);
      continue;
    }
    const set = loadSet(name, file, limit);
    if (name === "squad-wh" && pooled) sets.push(pool(set));
    if (only !== "squad-pooled") sets.push(set);
  }
  return sets.sort((a, b) => files.findIndex(([n]) => a.name.startsWith(n)) - files.findIndex(([n]) => b.name.startsWith(n)));
}

/**
 * Every SQuAD paragraph in one long "article" (one paragraph each): the same questions, but the
 * ranker must find the sentence among all of them, as in a long story. Only sentences of the
 * question's own paragraph count as gold.
 */
function pool(set: QuestionSet): QuestionSet {
  const contexts = [...new Set(set.items.map((it) => it.story))].map((st) => st.paragraphs.map((p) => p.text).join(" "));
  const story = ingestText(contexts.join("\n\n"), "squad-pooled");
  const items = set.items.map((it) => ({ ...it, story, scope: norm(it.story.paragraphs.map((p) => p.text).join(" ")) }));
  return { name: "squad-pooled", file: set.file, items, skipped: set.skipped, stories: 1 };
}

// ---------------------------------------------------------------- rankers

interface Query {
  text: string;
  parsed: ParsedQuestion;
  parseMs: number;
}

interface Ranker {
  name: string;
  /** whether the ranker needs parseQuestion (its time is then counted) */
  parses: boolean;
  build(story: Story): unknown;
  rank(query: Query, story: Story, built: unknown): number[];
}

const keywords = (q: Query): string[] => q.parsed.terms.map((t) => t.word);

function fuseRanker(name: string, parses: boolean, options: IFuseOptions<string>, pattern: (q: Query) => string): Ranker {
  return {
    name,
    parses,
    build: (story) => new Fuse(story.sentences.map((s) => s.text), options),
    rank(query, story, built) {
      const p = pattern(query);
      if (!p.trim()) return [];
      return (built as Fuse<string>).search(p).map((r) => story.sentences[r.refIndex]!.id);
    },
  };
}

const ENGINE: Ranker = {
  name: "engine: BM25 (search-index.ts)",
  parses: true,
  build: (story) => indexOf(story),
  rank: (query, story, built) =>
    (built as ReturnType<typeof indexOf>).rank(query.parsed.terms.map((t) => t.stem), story.sentences.length).map((h) => h.sentence),
};

const FUSE_RANKERS: Ranker[] = [
  fuseRanker("fuse classic, raw question (0.6, ignoreLocation)", false, { threshold: 0.6, ignoreLocation: true }, (q) => q.text),
  fuseRanker("fuse token search, raw question (0.6)", false, { useTokenSearch: true, threshold: 0.6, ignoreLocation: true }, (q) => q.text),
  fuseRanker("fuse token search, keywords (0.6)", true, { useTokenSearch: true, threshold: 0.6, ignoreLocation: true }, (q) => keywords(q).join(" ")),
  fuseRanker("fuse token search, keywords (0.3)", true, { useTokenSearch: true, threshold: 0.3, ignoreLocation: true }, (q) => keywords(q).join(" ")),
  fuseRanker("fuse extended, keywords OR-ed (0.6)", true, { useExtendedSearch: true, threshold: 0.6, ignoreLocation: true }, (q) =>
    keywords(q)
      .map((w) => w.replace(/[|'"!^$=\s]/g, ""))
      .filter(Boolean)
      .join(" | "),
  ),
];

// ---------------------------------------------------------------- measuring

interface Row {
  ranker: string;
  questions: number;
  top1: number;
  top3: number;
  top1ByType: Record<string, number>;
  msMean: number;
  msP95: number;
  buildMsPerStory: number;
  /** questions the ranker returned nothing for */
  empty: number;
}

interface Run {
  ranking: number[];
  ms: number;
}

interface SetResult {
  set: string;
  file: string;
  questions: number;
  stories: number;
  sentences: number;
  skipped: number;
  /** questions whose gold lies in some single sentence: the ceiling for every ranker */
  reachable: number;
  parseMsMean: number;
  rows: Row[];
  /** the blend of the engine with the best fuse variant, against the engine alone */
  blendVsEngine: { blend: string; blendOnly: number; engineOnly: number } | null;
}

const pct = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 10 : 0);
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function p95(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]!;
}

function rowOf(name: string, set: QuestionSet, gold: Set<number>[], runs: Run[], buildMs: number): Row {
  let top1 = 0;
  let top3 = 0;
  let empty = 0;
  const byType: Record<string, [number, number]> = {};
  set.items.forEach((it, i) => {
    const r = runs[i]!.ranking;
    const hit1 = r.length > 0 && gold[i]!.has(r[0]!);
    if (hit1) top1++;
    if (r.slice(0, 3).some((s) => gold[i]!.has(s))) top3++;
    if (r.length === 0) empty++;
    const t = (byType[it.type] ??= [0, 0]);
    t[1]++;
    if (hit1) t[0]++;
  });
  const ms = runs.map((r) => r.ms);
  return {
    ranker: name,
    questions: set.items.length,
    top1: pct(top1, set.items.length),
    top3: pct(top3, set.items.length),
    top1ByType: Object.fromEntries(Object.entries(byType).map(([t, [a, b]]) => [t, pct(a, b)])),
    msMean: round(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length), 3),
    msP95: round(p95(ms), 3),
    buildMsPerStory: round(buildMs / Math.max(1, set.stories), 2),
    empty,
  };
}

/** Runs fn `repeat` times; its value and its fastest time (the least disturbed by other load). */
function timed<T>(fn: () => T, repeat: number): { value: T; ms: number } {
  let best = Infinity;
  let value!: T;
  for (let r = 0; r < Math.max(1, repeat); r++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { value, ms: best };
}

function measure(set: QuestionSet, repeat: number, progress: (msg: string) => void): SetResult {
  const stories = [...new Set(set.items.map((it) => it.story))];
  const gold = set.items.map(
    (it) => new Set(it.story.sentences.filter((s) => holdsGold(s.text, it.accept) && (!it.scope || it.scope.includes(norm(s.text)))).map((s) => s.id)),
  );

  // parse every question once (the engine index is built first: parseQuestion uses it)
  let engineBuild = 0;
  for (const st of stories) {
    const t0 = performance.now();
    ENGINE.build(st);
    engineBuild += performance.now() - t0;
  }
  for (const it of set.items.slice(0, WARM_UP)) parseQuestion(it.q, indexOf(it.story));
  const queries: Query[] = set.items.map((it) => {
    const { value: parsed, ms: parseMs } = timed(() => parseQuestion(it.q, indexOf(it.story)), repeat);
    return { text: it.q.replace(/\s+/g, " ").trim(), parsed, parseMs };
  });

  const runsOf = new Map<string, Run[]>();
  const buildOf = new Map<string, number>([[ENGINE.name, engineBuild]]);
  for (const ranker of [ENGINE, ...FUSE_RANKERS]) {
    progress(`${set.name}: ${ranker.name}`);
    const built = new Map<Story, unknown>();
    let buildMs = 0;
    for (const st of stories) {
      const t0 = performance.now();
      built.set(st, ranker.build(st));
      buildMs += performance.now() - t0;
    }
    if (ranker !== ENGINE) buildOf.set(ranker.name, buildMs);
    // warm-up, untimed: the first calls pay for JIT compilation
    set.items.slice(0, WARM_UP).forEach((it, i) => ranker.rank(queries[i]!, it.story, built.get(it.story)));
    const runs = set.items.map((it, i) => {
      const { value: ranking, ms } = timed(() => ranker.rank(queries[i]!, it.story, built.get(it.story)), repeat);
      return { ranking, ms: ms + (ranker.parses ? queries[i]!.parseMs : 0) };
    });
    runsOf.set(ranker.name, runs);
  }

  const rows = [ENGINE, ...FUSE_RANKERS].map((r) => rowOf(r.name, set, gold, runsOf.get(r.name)!, buildOf.get(r.name)!));

  // blends: RRF of the engine with each fuse variant (parse time counted once)
  const engineRuns = runsOf.get(ENGINE.name)!;
  const blendRows: Row[] = [];
  const blendRuns = new Map<string, Run[]>();
  const blendOf = new Map<string, string>();
  for (const f of FUSE_RANKERS) {
    const fuseRuns = runsOf.get(f.name)!;
    const name = `blend: RRF(k=${RRF_K}) engine + ${f.name}`;
    blendOf.set(f.name, name);
    const runs = set.items.map((_, i) => {
      const { value: ranking, ms } = timed(() => rrf([engineRuns[i]!.ranking, fuseRuns[i]!.ranking]), repeat);
      const fuseMs = fuseRuns[i]!.ms - (f.parses ? queries[i]!.parseMs : 0);
      return { ranking, ms: engineRuns[i]!.ms + fuseMs + ms };
    });
    blendRuns.set(name, runs);
    blendRows.push(rowOf(name, set, gold, runs, engineBuild + buildOf.get(f.name)!));
  }

  // the designated blend: with the fuse variant that ranks best on its own (top-1, then top-3)
  const bestFuse = rows.slice(1).sort((a, b) => b.top1 - a.top1 || b.top3 - a.top3)[0]!;
  const designated = blendRows.find((r) => r.ranker === blendOf.get(bestFuse.ranker))!;
  let blendOnly = 0;
  let engineOnly = 0;
  const dRuns = blendRuns.get(designated.ranker)!;
  set.items.forEach((_, i) => {
    const e = engineRuns[i]!.ranking[0];
    const b = dRuns[i]!.ranking[0];
    const eHit = e !== undefined && gold[i]!.has(e);
    const bHit = b !== undefined && gold[i]!.has(b);
    if (bHit && !eHit) blendOnly++;
    if (eHit && !bHit) engineOnly++;
  });

  return {
    set: set.name,
    file: set.file,
    questions: set.items.length,
    stories: set.stories,
    sentences: stories.reduce((a, st) => a + st.sentences.length, 0),
    skipped: set.skipped,
    reachable: gold.filter((g) => g.size > 0).length,
    parseMsMean: round(queries.reduce((a, q) => a + q.parseMs, 0) / Math.max(1, queries.length), 3),
    rows: [...rows, ...blendRows],
    blendVsEngine: { blend: designated.ranker, blendOnly, engineOnly },
  };
}

// ---------------------------------------------------------------- output

function table(res: SetResult): string {
  if (res.questions === 0) return `### ${res.set}: no answerable question with a story found (${res.skipped} lines skipped)`;
  const types = [...new Set(res.rows.flatMap((r) => Object.keys(r.top1ByType)))].sort();
  const head = ["ranker", "top-1 %", "top-3 %", ...types.map((t) => `${t} top-1 %`), "ms/query (mean)", "p95 ms", "build ms/story", "empty"];
  const lines = [
    `### ${res.set}: ${res.questions} questions over ${res.stories} stor${res.stories === 1 ? "y" : "ies"} (${res.sentences} sentences); gold in a single sentence for ${res.reachable} (${pct(res.reachable, res.questions)}%, the ceiling)${res.skipped ? `; ${res.skipped} lines skipped (unanswerable or no story)` : ""}`,
    `parseQuestion: ${res.parseMsMean} ms/question (included in the time of every ranker that needs keywords)`,
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
  ];
  for (const r of res.rows) {
    lines.push(`| ${[r.ranker, r.top1.toFixed(1), r.top3.toFixed(1), ...types.map((t) => (r.top1ByType[t] ?? 0).toFixed(1)), r.msMean.toFixed(2), r.msP95.toFixed(2), r.buildMsPerStory.toFixed(2), String(r.empty)].join(" | ")} |`);
  }
  if (res.blendVsEngine) {
    const b = res.blendVsEngine;
    lines.push("", `${b.blend} vs the engine, top-1: blend right and engine wrong on ${b.blendOnly} questions, engine right and blend wrong on ${b.engineOnly}.`);
  }
  return lines.join("\n");
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const flag = (n: string): string | null => {
    const i = args.indexOf(n);
    return i >= 0 ? (args[i + 1] ?? null) : null;
  };
  const limit = Number(flag("--limit") ?? Infinity);
  const progress = json ? () => {} : (m: string) => process.stderr.write(`… ${m}\n`);
  const sets = questionSets(limit, flag("--set"), !args.includes("--no-pooled"));
  if (!existsSync(join(ROOT, "test/questions"))) process.stderr.write("(no test/questions/ yet: the project's own question set is skipped)\n");
  const repeat = Math.max(1, Number(flag("--repeat") ?? 1));
  const results = sets.map((s) => measure(s, repeat, progress));
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "?",
    date: new Date().toISOString().slice(0, 10),
    /** 1-minute load average at the end: times are only comparable on a quiet machine */
    load: round(loadavg()[0] ?? 0, 1),
    commit: git(["rev-parse", "--short", "HEAD"]),
    /** uncommitted changes under src/engine/ were measured too */
    engineDirty: git(["status", "--porcelain", "--", "src/engine"]) !== "",
  };
  if (json) {
    console.log(JSON.stringify({ machine, rrfK: RRF_K, repeat, results }, null, 2));
    return;
  }
  console.log(`Passage rankers, ${machine.date}, Node ${machine.node}, ${machine.cpus} × ${machine.cpu}, load average ${machine.load}; commit ${machine.commit || "?"}${machine.engineDirty ? " + uncommitted src/engine changes" : ""}; times: fastest of ${repeat} run${repeat > 1 ? "s" : ""} per query\n`);
  console.log(results.map(table).join("\n\n"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
