/** Shapes shared by every stage of the engine: ingest → index → answer, summarise. */

export type EntityType = "person" | "place" | "organisation" | "date" | "number" | "other";
export type QuestionKind = "who" | "when" | "where" | "what" | "why" | "how" | "other";
export type DatePrecision = "day" | "month" | "year" | "approximate";

export interface Token {
  text: string;
  /** lower-cased lemma, used for matching ("began" → "begin") */
  lemma: string;
  /** Porter stem of the lower-cased text, used by the passage index */
  stem: string;
  pos: string;
  /** character offsets inside the sentence text */
  start: number;
  end: number;
}

export interface Sentence {
  /** index in story.sentences */
  id: number;
  /** reader's paragraph number (¶1 = first body paragraph) */
  paragraph: number;
  text: string;
  tokens: Token[];
}

export interface Paragraph {
  number: number;
  text: string;
  /** ids into story.sentences */
  sentenceIds: number[];
}

export interface Span {
  sentence: number;
  /** token range [start, end) inside the sentence */
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  /** canonical name: the longest form the story uses */
  name: string;
  type: EntityType;
  /** other forms the story uses for it ("Kim", "KCNA") */
  aliases: string[];
  /** from an appositive or a title ("eldest son of Mao Zedong", "Chinese President") */
  descriptions: string[];
  mentions: Span[];
}

export interface DateMention extends Span {
  /** ISO date as precise as the text allows: "2020-10-19", "1950-06", "2012" */
  iso: string | null;
  precision: DatePrecision;
  /** true when the text is relative ("on Monday", "70 years ago") and was resolved against the dateline */
  relative: boolean;
}

export interface StoryMeta {
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  /** ISO date of publication, from front matter or the dateline */
  published: string | null;
  place: string | null;
  file: string | null;
  /** the dateline as printed ("PYONGYANG, Oct 22, 2020, The Korea Herald."), kept out of the paragraphs */
  dateline: string | null;
  /** the dateline's date as printed ("Oct 22, 2020") */
  datelineDate: string | null;
  /** who wrote it, from front matter or the byline ("By Priya Nandakumar, Staff Writer") */
  author?: string | null;
  /** the byline as printed, kept out of the paragraphs */
  byline?: string | null;
  /** what ingest could not find, with what would supply it ("no date found: add `published:` front matter") */
  missing?: string[];
}

export interface Story extends StoryMeta {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  dates: DateMention[];
  /** lines kept out of answers and summaries: photo credits, share buttons, promos */
  boilerplate: string[];
  /** the story's nouns for people, lower case ("investigators", "firefighter"): role phrases that can answer who */
  personNouns: string[];
  /** the nationality words the story uses, lower case, with their country: { "chinese": "china" } */
  demonyms: Record<string, string>;
}

export interface Answer {
  question: string;
  /** the short answer, or null when the story does not say */
  answer: string | null;
  kind: QuestionKind;
  confidence: number;
  /** the sentence the answer comes from, verbatim; when answer is null, the closest passage */
  evidence: string;
  paragraph: number;
  story: string;
}
