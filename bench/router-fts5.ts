/**
 * SQLite FTS5 against the library's own router (router.ts: BM25 over typed arrays, kept in the
 * database's `libraries` row), on the corpus of real paragraphs the benchmark builds:
 * `npm run bench:fts5 -- FILE.jsonl,...` (the same files as `npm run bench -- --paragraphs`).
 *
 * FTS5 indexes each story under the router's own words (storyStems: title and content stems, as
 * the router sees them) and is queried with the question's stems OR'ed, ranked by its bm25(), so
 * the two differ only in the index and its ranking. Measured: building each, opening each (what
 * every `storybot ask` process pays before its first question), a query, and how often FTS5 picks
 * the stories the router picks (answers come from those stories). FTS5 has no typo or prefix
 * expansion; the router does.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { StoryLibrary } from "../src/engine/index.js";
import { questionStems, storyStems, StoryRouter } from "../src/engine/index/router.js";
import { openStorage } from "../src/store/index.js";
import { paragraphCorpus } from "./paragraph-corpus.js";
import { median, round } from "./stats.js";

const SHORTLIST = 3;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function timed<T>(run: () => T): [T, number] {
  const start = cpuMs();
  const value = run();
  return [value, cpuMs() - start];
}

const quoted = (stem: string) => `"${stem.replace(/"/g, '""')}"`;

async function main(files: string[]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "storybot-fts5-"));
  try {
    const dir = join(work, "stories");
    const { questions } = paragraphCorpus(files, { count: 1000, questions: 300, outDir: dir });
    const storage = openStorage(join(work, "storybot.db"));
    process.stderr.write("… ingesting the corpus\n");
    const library = await StoryLibrary.fromDirectory(dir, { cache: storage.ingest });

    const [router, routerBuildMs] = timed(() => {
      const r = StoryRouter.empty();
      for (const id of library.ids()) r.put(library.get(id)!);
      r.prepare();
      return r;
    });
    const saved = JSON.stringify(router.toJSON());
    // as a process opens it: the saved text parsed, then read back (library.ts keeps it in the manifest)
    const opens = Array.from({ length: 5 }, () => timed(() => StoryRouter.fromJSON(JSON.parse(saved)))[1]);

    const ftsFile = join(work, "fts5.db");
    const [, ftsBuildMs] = timed(() => {
      const db = new Database(ftsFile);
      db.exec("CREATE VIRTUAL TABLE stories USING fts5(id UNINDEXED, words)");
      const insert = db.prepare("INSERT INTO stories (id, words) VALUES (?, ?)");
      db.transaction(() => {
        for (const id of library.ids()) insert.run(id, storyStems(library.get(id)!).join(" "));
      })();
      db.close();
    });
    const asked = questions.map(questionStems).filter((stems) => stems.length > 0);
    const match = (stems: string[]) => [...new Set(stems)].map(quoted).join(" OR ");
    const [fts, ftsOpenMs] = timed(() => {
      const db = new Database(ftsFile, { readonly: true });
      const query = db.prepare<[string], { id: string }>(`SELECT id FROM stories WHERE stories MATCH ? ORDER BY bm25(stories) LIMIT ${SHORTLIST}`);
      query.all(match(asked[0]!));
      return query;
    });

    let sameFirst = 0;
    let shared = 0;
    let ftsQueryMs = 0;
    let routerQueryMs = 0;
    for (const stems of asked) {
      const [ours, a] = timed(() => router.rankStems(stems, SHORTLIST).map((r) => r.id));
      const [theirs, b] = timed(() => fts.all(match(stems)).map((r) => r.id));
      routerQueryMs += a;
      ftsQueryMs += b;
      if (ours[0] === theirs[0]) sameFirst++;
      shared += theirs.filter((id) => ours.includes(id)).length / Math.max(1, ours.length);
    }
    const n = asked.length;
    const report = {
      stories: library.size,
      questions: n,
      router: { buildMs: round(routerBuildMs, 1), savedMb: round(saved.length / 1e6, 1), openMs: round(median(opens), 1), queryMs: round(routerQueryMs / n, 2) },
      fts5: { buildMs: round(ftsBuildMs, 1), fileMb: round(statSync(ftsFile).size / 1e6, 1), openAndFirstQueryMs: round(ftsOpenMs, 1), queryMs: round(ftsQueryMs / n, 2) },
      fts5PicksTheRoutersFirstStory: round(sameFirst / n, 3),
      fts5ShortlistSharedWithTheRouters: round(shared / n, 3),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    storage.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const files = (process.argv[2] ?? "").split(",").filter(Boolean);
if (!files.length) {
  process.stderr.write("usage: npm run bench:fts5 -- FILE.jsonl[,FILE.jsonl…]  (SQuAD-style lines with a \"context\" paragraph and a question)\n");
  process.exit(2);
}
await main(files);
