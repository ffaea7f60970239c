/** storybot's engine: a plain library (no Discord) that reads articles and answers questions about them. */
export { answer, MAX_QUESTION_LENGTH } from "./answer.js";
export { ingestText, storyIdFromFile, StoryFormatError } from "./ingest.js";
export { loadStoryFile, StoryLibrary, type LoadError } from "./library.js";
export type * from "./types.js";
