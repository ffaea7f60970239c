/** Answer extraction (answer.ts): short spans with verbatim evidence, relative dates with their resolution, abstention. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, ingestText, type Answer, type Story } from "../src/engine/index.js";

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), "utf8");

const KH = ingestText(read("../data/stories/korea-herald-2020-10-22.txt"), "korea-herald-2020-10-22");
const CUP = ingestText(read("fixtures/engine/coastal-cup-final-2019-04-14.txt"), "coastal-cup-final-2019-04-14");
const TRAM = ingestText(read("fixtures/engine/lindenfeld-tram-vote-2021-11-04.txt"), "lindenfeld-tram-vote-2021-11-04");
const BRIDGE = ingestText(read("fixtures/ashford-bridge-2023-05-12.txt"), "ashford-bridge-2023-05-12");
const UNDATED = ingestText(
  [
    "Council meets",
    "The town council met on Monday in the old school hall to discuss the budget.",
    "The mayor, Ana Ruiz, said the budget would be published in June 2024.",
  ].join("\n\n"),
  "undated",
);

const MAX_WORDS = 8;
const norm = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
/** "Monday (19 Oct 2020)" → "Monday" */
const bare = (s: string) => s.replace(/\s*\([^)]*\)$/, "");

/** The evidence is one sentence of the story, verbatim, and `paragraph` is that sentence's ¶. */
function checkEvidence(a: Answer, story: Story): void {
  const sentence = story.sentences.find((s) => s.text === a.evidence);
  expect(sentence, `evidence is not a sentence of the story: ${a.evidence}`).toBeDefined();
  expect(a.paragraph).toBe(sentence!.paragraph);
  expect(story.paragraphs[a.paragraph - 1]!.text).toContain(a.evidence);
}

/** A short span of the evidence (or the full name of a person the evidence calls by a short form), not the question's words. */
function checkSpan(a: Answer, story: Story): void {
  expect(a.answer).not.toBeNull();
  const span = bare(a.answer!);
  expect(span.split(/\s+/).length).toBeLessThanOrEqual(MAX_WORDS);
  expect(story.paragraphs.map((p) => p.text)).not.toContain(a.answer);
  expect(a.answer).not.toBe(a.evidence);
  const sentence = story.sentences.find((s) => s.text === a.evidence)!;
  const named = story.entities.some((e) => e.name === span && e.mentions.some((m) => m.sentence === sentence.id));
  expect(a.evidence.includes(span) || named, `"${span}" is not in the evidence`).toBe(true);
  expect(norm(a.question).includes(norm(span)), `"${span}" repeats the question`).toBe(false);
}

/**
 * Questions the learned model answers wrongly today, each a known defect (`it.fails`, so that a fix
 * shows up as a failure to remove from here). Most come from what its training questions, asked
 * of Wikipedia paragraphs, rarely show: a weekday that the dateline resolves is the news story's
 * own date, yet a year in the same sentence wins; a "where" asked of a news event wants its venue.
 */
const LEARNED_MODEL_DEFECTS = new Set([
  // Xi Jinping, who sent flowers in the sentence's other clause, for who attended
  "Who attended the flower-laying ceremony?",
  // the year of an earlier title (1998) or of the report over the weekday of the event
  "When did the state media report Kim's visit to the graves?",
  "When did Harbour Athletic win the Coastal Cup?",
]);
const check = (question: string) => (LEARNED_MODEL_DEFECTS.has(question) ? it.fails : it);

/** the expected answer, or the forms any of which is right (a name and its short form) */
const CASES: [Story, string, Answer["kind"], string | string[], number][] = [
  [KH, "Who laid flowers at the tomb of Mao Anying?", "who", "Kim Jong-un", 3],
  [KH, "Who was the eldest son of Mao Zedong?", "who", "Mao Anying", 3],
  [KH, "Whose eldest son was Mao Anying?", "who", "Mao Zedong", 3],
  [KH, "Who attended the flower-laying ceremony?", "who", "Chinese ambassador", 11],
  [KH, "Who invaded South Korea?", "who", "North Korea", 9],
  [KH, "When did North Korea invade South Korea?", "when", "June 1950", 9],
  [KH, "When did Kim send a wreath to the cemetery?", "when", "July 2015", 13],
  [KH, "Where did Kim lay flowers?", "where", ["the tomb of Mao Anying", "tomb of Mao Anying"], 3],
  [KH, "Where was the Chinese volunteer army headquarters located during the war?", "where", "Hoechang", 10],
  [CUP, "Who did Harbour Athletic beat in the final?", "who", "Millbrook Rovers", 1],
  [CUP, "Who fined Millbrook Rovers?", "who", ["CFA", "Coastal Football Association"], 7],
  [CUP, "Who was sent off in the 95th minute?", "who", "Sam Okafor", 6],
  [CUP, "When did Millbrook last win the cup?", "when", "1998", 8],
  [TRAM, "Who proposed the plan?", "who", "Helena Brandt", 3],
  [TRAM, "When will construction begin?", "when", "March 2023", 5],
  [TRAM, "Where will the council hold a public meeting?", "where", "Kessel", 8],
  [UNDATED, "Who said the budget would be published?", "who", "Ana Ruiz", 2],
  [UNDATED, "Where did the town council meet?", "where", "the old school hall", 1],
];

describe("who/when/where answers", () => {
  for (const [story, question, kind, expected, paragraph] of CASES) {
    check(question)(`${question} → ${[expected].flat().join(" or ")} (¶${paragraph}) [${story.id}]`, () => {
      const a = answer(question, story);
      expect(a.question).toBe(question);
      expect(a.story).toBe(story.id);
      expect(a.kind).toBe(kind);
      expect([expected].flat()).toContain(a.answer);
      expect(a.paragraph).toBe(paragraph);
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
      checkEvidence(a, story);
      checkSpan(a, story);
    });
  }

  it("never answers with a name the question already gives, however sure it is", () => {
    const pairs: [Story, string, string][] = [
      [KH, "Who was the eldest son of Mao Zedong?", "Mao Zedong"],
      [KH, "Whose eldest son was Mao Anying?", "Mao Anying"],
      [KH, "Who laid flowers at the tomb of Mao Anying?", "Mao Anying"],
      [KH, "Where did Kim Jong-un visit the cemetery of Chinese soldiers?", "Kim Jong-un"],
      [CUP, "Who did Harbour Athletic beat in the final?", "Harbour Athletic"],
      [CUP, "Who fined Millbrook Rovers?", "Millbrook Rovers"],
      [TRAM, "Who proposed the plan during her 2019 election campaign?", "2019"],
    ];
    for (const [story, question, named] of pairs) {
      const a = answer(question, story, { minConfidence: 0 });
      expect(a.answer, question).not.toBeNull();
      expect(norm(a.answer!).includes(norm(named)), `${question} → ${a.answer}`).toBe(false);
    }
  });

  it("answers 'Which goalkeeper was sent off?' with the name, not the sentence", () => {
    const a = answer("Which goalkeeper was sent off?", CUP);
    expect(a.kind).toBe("who");
    expect(a.answer).toBe("Sam Okafor");
  });

  // learned-model defect: "Kestrel Road", the street of the ground, over the ground (Rowan Park)
  it.fails("answers where the cup was won with the ground", () => {
    expect(answer("Where did Harbour Athletic win the Coastal Cup?", CUP).answer).toBe("Rowan Park");
  });

  it("answers a where-question with a place or a workplace, never with the date beside it", () => {
    const a = answer("Where did Ruth Adeyemi work?", BRIDGE);
    expect(a.answer).toBe("Stone & Timber Engineering");
    expect(answer("Who paid for most of the work?", BRIDGE).answer).toBe("Vermont Agency of Transportation");
  });

  it("answers 'where … to?' with the place after 'to', not after 'from'", () => {
    expect(answer("Where will the Line 3 tram be extended to?", TRAM).answer).toBe("Lindenfeld Airport");
    expect(answer("Where will the Line 3 tram be extended from?", TRAM).answer).toBe("Central Station");
  });

  it("answers 'who is the <role> of …' with the name the role introduces", () => {
    const story = ingestText("Talks fail\n\nThe ruling party said on Monday it would ask President Henrik Voss for more time. Green leader Tomas Aaltonen walked out.", "v");
    expect(answer("Who is the president?", story).answer).toBe("Henrik Voss");
    expect(answer("Who is the Green leader?", story).answer).toBe("Tomas Aaltonen");
  });

  it("answers who wrote the article from its byline, and says the story doesn't when it has none", () => {
    const wildfire = ingestText(read("fixtures/engine/harrow-wildfire-2024-08-19.txt"), "w");
    const a = answer("Who wrote the article?", wildfire);
    expect(a.answer).toBe("Priya Nandakumar");
    expect(a.evidence).toBe("By Priya Nandakumar, Staff Writer");
    expect(answer("Who wrote this story?", KH).answer).toBeNull();
  });

  it("takes the date of the matched verb's own clause, past a plural noun the tagger calls a verb", () => {
    // "… in August 2011, and state inspectors closed the bridge to trucks in 2016."
    expect(answer("When did the state inspectors shut the bridge to trucks?", BRIDGE).answer).toBe("2016");
  });

  // a chunk no longer runs into the date ("bridge next month")
  it("answers where with a place phrase after 'on', not with the person who said it nor the date after it", () => {
    // "Whitfield said on Friday that the town will hold a festival on the bridge next month …"
    expect(answer("Where will the festival be held?", BRIDGE).answer).toBe("the bridge");
  });

  // learned-model defect: "Storvik Fjord", the object of "over", for who built it; "by the contractor
  // Fjordbygg" is misparsed (the contractor hangs from the years before it)
  it.fails("answers who built a bridge with the passive's agent", () => {
    const storvik = ingestText(read("fixtures/conversation/storvik-bridge-2024-03-14.txt"), "storvik");
    expect(answer("Who built the Storvik Bridge?", storvik).answer).toBe("Fjordbygg");
  });

  // engine bug: the question's "paid" is stemmed as "paid" while the story's is indexed as "pay" (see ranking.test.ts)
  it.fails("answers 'Who paid tribute to the patriots?' with Kim Jong-un", () => {
    expect(answer("Who paid tribute to the patriots?", KH).answer).toBe("Kim Jong-un");
  });
});

describe("relative dates in answers", () => {
  const cases: [Story, string, string, number][] = [
    [KH, "When did Xi say the party's decision was made to resist aggression?", "Monday (19 Oct 2020)", 16],
    [KH, "When did the state media report Kim's visit to the graves?", "Thursday (22 Oct 2020)", 1],
    [KH, "When did the Chinese soldiers join the Korean War?", "70 years ago (1950)", 1],
    [CUP, "When will the players parade the trophy?", "Monday (15 Apr 2019)", 5],
    [CUP, "When did Harbour Athletic win the Coastal Cup?", "Saturday (13 Apr 2019)", 1],
    [TRAM, "When will the council hold a public meeting in Kessel?", "next Tuesday (9 Nov 2021)", 8],
  ];
  for (const [story, question, expected, paragraph] of cases) {
    check(question)(`renders the resolution: ${question} → ${expected}`, () => {
      const a = answer(question, story);
      expect(a.answer).toBe(expected);
      expect(a.paragraph).toBe(paragraph);
      checkEvidence(a, story);
      // the evidence says the relative words, not the resolved date
      expect(a.evidence).toContain(bare(expected));
    });
  }

  it("shows absolute dates as written, without a resolution", () => {
    expect(answer("When will the budget be published?", UNDATED).answer).toBe("June 2024");
    expect(answer("When did North Korea invade South Korea?", KH).answer).toBe("June 1950");
  });

  it("shows a relative date of an undated article without a resolution", () => {
    expect(UNDATED.published).toBeNull();
    expect(answer("When did the town council meet?", UNDATED).answer).toBe("Monday");
  });

  it("answers when Xi stressed the decision with the day of his remarks", () => {
    expect(answer("When did Xi stress that the decision to enter the Korean War was made to safeguard peace?", KH).answer).toBe("Monday (19 Oct 2020)");
  });
});

describe("abstention", () => {
  const unanswerable: [Story, string][] = [
    [KH, "Who won the 2020 US election?"],
    [KH, "Who is the current Pope?"],
    [CUP, "Who is the current Pope?"],
    [TRAM, "Who is the current Pope?"],
    [TRAM, "Who won the Nobel Prize in Literature?"],
  ];
  for (const [story, question] of unanswerable) {
    it(`abstains: ${question} [${story.id}]`, () => {
      const a = answer(question, story);
      expect(a.answer).toBeNull();
      expect(a.confidence).toBeLessThan(0.31);
      // what evidence it shows is the closest sentence, verbatim, or nothing
      if (a.evidence) checkEvidence(a, story);
      else expect(a.paragraph).toBe(0);
    });
  }

  it("abstains below the threshold it is given, keeping the closest sentence", () => {
    const q = "Who laid flowers at the tomb of Mao Anying?";
    expect(answer(q, KH).answer).toBe("Kim Jong-un");
    const strict = answer(q, KH, { minConfidence: 1.01 });
    expect(strict.answer).toBeNull();
    expect(strict.paragraph).toBe(3);
    checkEvidence(strict, KH);
  });

  it("makes up no answer at a zero threshold when no sentence matches", () => {
    expect(answer("Who is the current Pope?", KH, { minConfidence: 0 }).answer).toBeNull();
  });

  it("abstains on 'Who won the 2020 US election?' for the sports and council reports", () => {
    expect(answer("Who won the 2020 US election?", CUP).answer).toBeNull();
    expect(answer("Who won the 2020 US election?", TRAM).answer).toBeNull();
  });

  it("abstains on 'When was Kim Jong-un born?'", () => {
    expect(answer("When was Kim Jong-un born?", KH).answer).toBeNull();
  });
});
