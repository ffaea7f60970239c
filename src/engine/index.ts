/**
 * storybot's engine: a plain library (no Discord) that reads articles and answers questions about
 * them. This is its one way in; the folders are the stages a story flows through:
 *
 *   story/     article files and text → Story (layout, front matter, dateline, byline), the library and its cache
 *   language/  sentences, tokens, names and entities, dates, WordNet and word lists
 *   index/     passage ranking within a story (BM25) and the router across stories
 *   answer/    question analysis, candidates, support, the learned ranker and abstainer
 *   summary/   summaries, timeline, facts and what a story says of a name
 *
 * Packages that are slow to load (chrono-node, yaml, fuse.js, and the readers' linkedom,
 * Readability, markdown-it, chardet and iconv-lite) are required on first use, so
 * importing this module stays light (test/ask-imports.test.ts).
 */
export { answer, MAX_QUESTION_LENGTH, type AnswerOptions } from "./answer/answer.js";
export { answerModel, loadModel, ModelError, DEFAULT_MODEL_FILE, type AnswerModel } from "./answer/model/answer-model.js";
export { parseMinConfidence, SettingError } from "./answer/settings.js";
export { answerAcross, NEAR_TIE, ROUTED_STORIES, type StorySource } from "./answer/answer-across.js";
export { firstSuggestions, suggest, suggestedQuestions, type Suggestion } from "./answer/suggest.js";
export type { RoutedStory } from "./index/router.js";
export { ingestText, StoryFormatError, type IngestOptions } from "./story/ingest.js";
export { readHtml, type HtmlArticle } from "./story/read-html.js";
export { decodeArticle } from "./story/decode.js";
export { FORMAT_OF_EXTENSION, formatOf, type StoryFormat } from "./story/article-format.js";
export { loadStoryFile, MAX_STORY_BYTES, preloadIngest, provideIngest, STORY_EXTENSIONS, StoryLibrary, type IngestProgress, type LibraryOptions, type LoadError, type StoryCard } from "./story/library.js";
export { contentHash, ENGINE_VERSION, type IngestStore } from "./story/story-cache.js";
export { storyIdFromFile } from "./story/story-id.js";
export { formatIso } from "./language/iso-date.js";
export { FACT_TYPES, nameFact, storyFacts, type DateFact, type Facts, type FactType, type NameFact } from "./summary/facts.js";
export { findEntity, profile, profileOf, searchEntities, type CitedSentence, type Profile } from "./summary/profile.js";
export { summarize, SUMMARY_LENGTHS, UnknownTopicError, type Summary, type SummaryLength, type SummarySentence } from "./summary/summary.js";
export { timeline, type Timeline, type TimelineEvent, type UndatedEvent } from "./summary/timeline.js";
export { unknownTopic } from "./summary/topic.js";
export type * from "./types.js";
