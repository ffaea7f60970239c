/**
 * A saved news page as a story: the article's paragraphs and the page's own metadata, without the
 * navigation, share buttons, captions, ads or related links around it (test/fixtures/pages: an
 * invented article laid out as news sites lay theirs out).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ingestText, readHtml } from "../src/engine/index.js";
import { storybot } from "./helpers/storybot-cli.js";

const PAGE_FILE = fileURLToPath(new URL("fixtures/pages/ferry-fire-port-ellery.html", import.meta.url));
const PAGE = readFileSync(PAGE_FILE, "utf8");
const ARTICLE = [
  "More than 300 passengers were taken off a burning ferry in Port Ellery harbour on Wednesday evening after a fire broke out in its engine room, the coast guard said.",
  "Two crew members were treated for smoke inhalation at Harborview Hospital, and no passengers were hurt, according to Lieutenant Carla Brandt, a coast guard spokeswoman.",
  "The Island Star, which has sailed between Port Ellery and Gannet Island since 2009, was about half a mile from the terminal when the captain reported smoke at 6:40 p.m.",
  "Passengers were moved onto two fishing boats and a harbour patrol vessel. “People stayed calm and did exactly what the crew asked,” said Denise Ocampo, who was travelling with her two children.",
  "The ferry’s operator, Gannet Island Lines, said the vessel had passed its annual inspection in March and that it would cancel all crossings on Thursday while investigators examine the engine.",
  "Harbour master Felix Moreau said the fire was out by 8 p.m. and that a tug had towed the ferry back to the terminal.",
  "The last serious fire on the route was in 2014, when a galley blaze forced a smaller ferry to return to port.",
];

describe("readHtml", () => {
  const page = readHtml(PAGE);

  it("gives the article's paragraphs and nothing else of the page", () => {
    expect(page.paragraphs).toEqual(ARTICLE);
    const all = page.paragraphs.join("\n");
    for (const junk of ["Home", "Subscribe", "Share", "Photo:", "Advertisement", "[Read:", "Related", "Gannet Island Lines orders", "All rights reserved", "Privacy"]) expect(all).not.toContain(junk);
  });

  it("takes headline, authors, date and publisher from the page's JSON-LD before its other tags", () => {
    expect(page.title).toBe("Ferry fire forces evacuation in Port Ellery harbour");
    // the JSON-LD names the writers; the <meta name=author> only says "Desk Staff"
    expect(page.author).toBe("Marta Quillen and Owen Adebayo");
    expect(page.published).toBe("2023-09-14");
    expect(page.source).toBe("The Coastal Ledger");
    expect(page.url).toBe("https://ledger.example/news/ferry-fire");
    expect(page.dateline).toBe("PORT ELLERY, Maine —");
    expect(page.place).toBe("Port Ellery, Maine");
  });

  it("falls back on <meta> tags and, without any, on the text itself", () => {
    const tagsOnly = PAGE.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, "");
    const fromTags = readHtml(tagsOnly);
    expect(fromTags.title).toBe("Ferry fire forces evacuation in Port Ellery harbour");
    expect(fromTags.author).toBe("Desk Staff");
    expect(fromTags.published).toBe("2023-09-14");
    const bare = readHtml("<html><body><h1>Bridge reopens</h1><p>OSLO, May 2, 2022 (Wire) — The Storting bridge reopened on Monday after two years of repairs, the city said.</p><p>About 9,000 cars a day use it.</p></body></html>");
    expect(bare.paragraphs).toEqual(["The Storting bridge reopened on Monday after two years of repairs, the city said.", "About 9,000 cars a day use it."]);
    expect(bare.published).toBe("2022-05-02");
  });

  it("splits a paragraph at a double line break and reads a short page Readability would call too short", () => {
    const page2 = readHtml("<html><body><div>The pier closed on Friday.<br><br>It will reopen in June, the council said.</div></body></html>");
    expect(page2.paragraphs).toEqual(["The pier closed on Friday.", "It will reopen in June, the council said."]);
  });
});

describe("a .html file as a story", () => {
  const story = ingestText(PAGE, "ferry", "ferry-fire.html");

  it("has the page's metadata and the article's paragraphs, ¶1 the dateline paragraph", () => {
    expect(story.title).toBe("Ferry fire forces evacuation in Port Ellery harbour");
    expect(story.published).toBe("2023-09-14");
    expect(story.source).toBe("The Coastal Ledger");
    expect(story.author).toBe("Marta Quillen and Owen Adebayo");
    expect(story.paragraphs.map((p) => p.text)).toEqual(ARTICLE);
    expect(story.sentences.some((s) => /[<>]/.test(s.text))).toBe(false);
  });

  it("resolves its relative dates against the page's date", () => {
    const wednesday = story.dates.find((d) => /Wednesday/.test(d.text));
    expect(wednesday?.iso).toBe("2023-09-13");
  });

  it("is read as a page by its content even when saved as .txt", () => {
    expect(ingestText(PAGE, "ferry", "saved.txt").paragraphs.map((p) => p.text)).toEqual(ARTICLE);
  });

  it("answers `storybot ask --story page.html` with article text as evidence, never markup", () => {
    const r = storybot("ask", "--json", "--story", PAGE_FILE, "How many passengers were taken off the ferry?");
    expect(r.err).toBe("");
    const answer = JSON.parse(r.out) as { answer: string | null; evidence: string; paragraph: number };
    expect(answer.answer).toMatch(/300/);
    expect(answer.paragraph).toBe(1);
    expect(ARTICLE[0]).toContain(answer.evidence);
    expect(answer.evidence).not.toMatch(/[<>]|&[a-z]+;/);
  });
});

describe("hostile pages", () => {
  it("refuses markup nested deeper than any page, and a page without text, with a message", () => {
    const deep = `<html><body><p>The mayor spoke on Monday.</p>${"<span>".repeat(5000)}deep${"</span>".repeat(5000)}</body></html>`;
    expect(() => ingestText(deep, "deep", "deep.html")).toThrow(/nests more than 1000 elements deep/);
    expect(() => ingestText("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", "bare", "bare.html")).toThrow(/the article is empty/);
  });
});

describe("captions set as text of their own", () => {
  const picture = (alt: string) => `<figure><picture><img src="p.jpg" alt="${alt}"></picture></figure>`;
  const body = [
    "<p>WELLWOOD — Volunteers refloated 40 pilot whales that had stranded on Marram Beach on Sunday, the conservation office said.</p>",
    picture("Volunteer Ana Ruru pours water over a stranded pilot whale on Marram Beach."),
    // a caption listed after its figure, outside any <figcaption>, as some sites set them
    "<ul><li><p>Volunteer Ana Ruru pours seawater over a stranded pilot whale on Marram Beach</p></li></ul>",
    "<p>The whales had come ashore at dawn, and rescuers kept them wet for nine hours until the tide returned.</p>",
    picture("A pilot whale calf waits for the tide.") + picture("Rescuers form a line in the shallows."),
    "<p>Clockwise from top: a calf waits for the rising tide; rescuers form a human line in the shallows.</p>",
    `<figure><img src="q.jpg" alt="Boats off Marram Beach"><figcaption>Boats off Marram Beach on Sunday. Ranger Tui Hona said most of the pod swam out to sea once the tide turned, and crews would watch the bay overnight.</figcaption></figure>`,
    // quoted by the caption above, and longer than what it shares with it: the article's own
    "<p>Most of the pod swam out to sea once the tide turned, ranger Tui Hona said.</p>",
    "<p>Three whales died before they could be refloated.</p>",
  ];
  const page = readHtml(`<html><head><title>Whales refloated</title></head><body><article><h1>Whales refloated</h1>${body.join("")}</article></body></html>`);

  it("leaves out a block that says again what the pictures right before it show, and keeps the article's paragraphs", () => {
    expect(page.paragraphs).toEqual([
      "Volunteers refloated 40 pilot whales that had stranded on Marram Beach on Sunday, the conservation office said.",
      "The whales had come ashore at dawn, and rescuers kept them wet for nine hours until the tide returned.",
      "Most of the pod swam out to sea once the tide turned, ranger Tui Hona said.",
      "Three whales died before they could be refloated.",
    ]);
  });

  it("keeps a paragraph right after a picture that uses its alt text's words and others, and one that repeats them further on", () => {
    const lead = readHtml(`<html><body><article>${picture("Rescuers on Marram Beach at dawn.")}<p>The first rescuers reached Marram Beach at dawn.</p><p>Rescuers on Marram Beach at dawn kept the whales wet.</p><p>They worked for nine hours, until the tide returned and the pod could swim out.</p></article></body></html>`);
    expect(lead.paragraphs).toEqual(["The first rescuers reached Marram Beach at dawn.", "Rescuers on Marram Beach at dawn kept the whales wet.", "They worked for nine hours, until the tide returned and the pod could swim out."]);
  });
});

describe("the headline of a page's title tags", () => {
  const pageTitled = (ogTitle: string) =>
    readHtml(`<html><head><meta property="og:title" content="${ogTitle}"><meta property="og:site_name" content="The Harbour Post"><meta name="author" content="Mere Tane"></head><body><article><p>Volunteers refloated 40 pilot whales that had stranded on Marram Beach on Sunday, the conservation office said.</p><p>Three whales died before they could be refloated.</p></article></body></html>`);

  it("leaves out the site's name or the writer's after it, and keeps any other tail", () => {
    expect(pageTitled("Whales refloated on Marram Beach | The Harbour Post").title).toBe("Whales refloated on Marram Beach");
    expect(pageTitled("Whales refloated on Marram Beach | Mere Tane").title).toBe("Whales refloated on Marram Beach");
    expect(pageTitled("Whales refloated on Marram Beach - live updates").title).toBe("Whales refloated on Marram Beach - live updates");
  });
});
