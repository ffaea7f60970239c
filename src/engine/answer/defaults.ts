/**
 * The answer stage's tunables, in one place. None of them is a weight of the answer score: which
 * span answers and how far to trust it are learned (model/). These only bound the work and set
 * what the learned probability is compared with.
 */
export const ANSWER_DEFAULTS = {
  /** longer questions are cut here: a question, not a paragraph */
  maxQuestionLength: 300,
  /**
   * evidence sentences whose spans the ranker scores, best BM25 first; the pool is built from these
   * only. Six rather than four: in a news story the answer's sentence is often not among BM25's
   * best four (a long sentence, a one-word question), and six lifted every group of the training
   * dev split (docs/answering.md)
   */
  topSentences: 6,
  /** a sentence with more spans than this (a run-on line) keeps only those near the question's words */
  maxSpansPerSentence: 200,
  /** how many tokens around the first matched word such a sentence keeps */
  longSentenceWindow: 120,
  /**
   * sentences whose candidate pools are kept for the next question that reaches them (a server's
   * default story is asked again and again); past this many the memo starts afresh, so that a
   * long-running bot reading endless stories holds a few MB of pools at most
   */
  poolMemoSentences: 1024,
};
