/** storybot's engine: a plain library (no Discord) that reads articles and answers questions about them. */
export { answer, MAX_QUESTION_LENGTH } from "./answer.js";
export { answerAcross, NEAR_TIE, ROUTED_STORIES, type StorySource } from "./answer-across.js";
export type { RoutedStory } from "./router.js";
export { ingestText, StoryFormatError } from "./ingest.js";
export { loadStoryFile, StoryLibrary, type IngestProgress, type LibraryOptions, type LoadError, type StoryCard } from "./library.js";
export { ENGINE_VERSION } from "./story-cache.js";
export { storyIdFromFile } from "./story-id.js";
export type * from "./types.js";
