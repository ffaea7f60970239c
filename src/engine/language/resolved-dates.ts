/** A sentence as written, with each relative date followed by the calendar date it means: "On Monday (19 Oct 2020), …". */
import { formatIso } from "./iso-date.js";
import type { Story } from "../types.js";

export function withResolvedDates(story: Story, sentenceId: number): string {
  const sentence = story.sentences[sentenceId];
  if (!sentence) return "";
  let text = sentence.text;
  const relative = story.dates
    .filter((d) => d.sentence === sentenceId && d.relative && d.iso)
    .sort((a, b) => b.end - a.end);
  // from the end backwards so that earlier character offsets stay valid
  for (const d of relative) {
    const shown = formatIso(d.iso!);
    // "in 1950" needs no gloss; "this year" or "on Monday" does
    if (d.text.includes(shown)) continue;
    // "Tuesday night's (14 Nov 2017) coup", not "Tuesday night (14 Nov 2017)'s coup"
    const next = sentence.tokens[d.end];
    const possessive = next && /^['’]s$/.test(next.text) && next.start === sentence.tokens[d.end - 1]!.end;
    const at = possessive ? next.end : sentence.tokens[d.end - 1]!.end;
    text = `${text.slice(0, at)} (${shown})${text.slice(at)}`;
  }
  return text;
}
