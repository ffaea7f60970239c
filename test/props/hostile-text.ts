/**
 * Arbitrary text a user can type into Discord, a mention or the console, for the property tests and
 * scripts/fuzz.ts: any unicode, control and zero-width characters, markdown, mention syntax, words
 * the story uses (so that some inputs reach deep into the engine), blank text and 10,000+ characters.
 */
import fc from "fast-check";

/** Every way of pinging in Discord's message syntax. */
export const MENTIONS = ["@everyone", "@here", "<@123456789012345678>", "<@!123456789012345678>", "<@&123456789012345678>", "<#123456789012345678>", "</ask:123456789012345678>", "@@everyone", "＠everyone"];
const MARKDOWN = ["**", "__", "*", "_", "~~", "||", "`", "```", "> ", ">>> ", "# ", "-# ", "- ", "1. ", "[link](https://example.com)", "\\", "<https://example.com>", ":smile:"];
const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066", "\u034f", "\u180e"];
const CONTROL = ["\0", "\x07", "\b", "\t", "\n", "\r", "\r\n", "\v", "\f", "\x1b[31m", "\x1b]0;title\x07", "\x7f", "\u0085", "\u2028", "\u2029"];
/** Words of the shipped story and of questions, so that fuzzed input also reaches answers, profiles and topics. */
const STORY_WORDS = ["who", "when", "where", "what", "why", "how", "is", "did", "Kim Jong-un", "Mao Anying", "Korean War", "China", "1950", "flowers", "visited", "cemetery", "?", "story:", "question:", "private:true", "paragraph:", "all", "..", "/", "data/stories"];
const BLANKS = ["", " ", "   ", "\t", "\n", " \n\t ", "\u00a0", "\u3000"];

/** A lone surrogate: not valid UTF-16 text, but a JS string can hold one. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const piece = fc.oneof(
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary-ascii", maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }), weight: 2 },
  { arbitrary: fc.constantFrom(...MENTIONS), weight: 3 },
  { arbitrary: fc.constantFrom(...MARKDOWN), weight: 2 },
  { arbitrary: fc.constantFrom(...INVISIBLE), weight: 2 },
  { arbitrary: fc.constantFrom(...CONTROL), weight: 2 },
  { arbitrary: fc.constantFrom(...STORY_WORDS), weight: 4 },
  { arbitrary: fc.constantFrom(" ", " ", " "), weight: 4 },
  { arbitrary: loneSurrogate, weight: 1 },
);

/** A short mixture of the pieces above. */
export const mixedText = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(""));

/** Text of 10,000 to 20,000 characters: a mixture repeated. */
export const hugeText = fc.tuple(mixedText, fc.integer({ min: 10_000, max: 20_000 })).map(([seed, length]) => {
  const unit = seed.length ? seed + " " : "word ";
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
});

export const blankText = fc.constantFrom(...BLANKS);

/** What the properties are fed: mostly mixtures, sometimes huge or blank text. */
export const hostileText = fc.oneof({ arbitrary: mixedText, weight: 16 }, { arbitrary: hugeText, weight: 1 }, { arbitrary: blankText, weight: 2 });
