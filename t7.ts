import { readFileSync } from "node:fs";
import { ingestText, summarize, timeline } from "./src/engine/index.js";
for (const page of process.argv.slice(2)) {
  const s = ingestText(readFileSync(`../shared/news-pages/${page}/source.html`, "utf8"), page, "x.html");
  console.log("==", page, s.title, "|", s.published, s.place, s.missing);
  console.log(summarize(s, { length: "medium" }).sentences.map((x) => `[${x.paragraph}] ${x.text.slice(0, 120)}`).join("\n"));
  console.log(timeline(s).events.slice(0, 12).map((e) => `${e.date} — ${e.text} (¶${e.paragraph}) [${e.when}]`).join("\n"));
}
