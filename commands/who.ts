/** /who subject:<name or deed>: what the story says about someone, or who did something ("/who sent flowers"). */
import { findEntity, MAX_QUESTION_LENGTH, nameFact, profileOf, searchEntities, unknownTopic, type Profile } from "../src/engine/index.js";
import { rememberName } from "../src/conversation/converse.js";
import { profileReply } from "../src/render/profile.js";
import { askQuestion, renderAnswer, typedQuestion, type AskResult } from "./answer-question.js";
import { defineCommand, OptionType, UserError, type CommandData } from "./command.js";
import { postsInChannel, privateOption, storyOption } from "./shared-options.js";

const WHO_IS = /^\s*who\s+(?:is|was|are|were)\s+/i;
const QUESTION_START = /^\s*(?:who|whom|whose|what|which|when|where|why|how)\b/i;
/** "Barack Obama", "Bank of England": capitalised words, with the small words names carry */
const NAME = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|the|and|de|da|del|der|van|von|la|le|al|bin|el)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)*$/u;

/** What the story says of one name: its profile, how often and where it is named. */
export type ProfileResult = { shows: "profile"; story: string } & Omit<Profile, "sentences"> & { sentences: { text: string; paragraph: number }[]; count: number; paragraphs: number[] };
export type WhoResult = ProfileResult | ({ shows: "answer" } & AskResult);

export const whoData = {
  name: "who",
  description: "What the story says about a person or organisation, or who did something",
  options: [
    { type: OptionType.String, name: "subject", description: "a name (Mao Anying) or what someone did (sent flowers)", required: true, autocomplete: true, max_length: MAX_QUESTION_LENGTH },
    storyOption,
    privateOption,
  ],
  ...postsInChannel,
} as const satisfies CommandData;

export const who = defineCommand({
  data: whoData,
  async query(args, ctx): Promise<WhoResult> {
    const story = ctx.stories.pick(args.story);
    const name = args.subject.replace(WHO_IS, "").replace(/[?!.\s]+$/, "");
    const entity = QUESTION_START.test(name) ? null : findEntity(story, name);
    if (entity) {
      const memory = ctx.services.conversation;
      // the next question may say "he" or "she" for this name
      if (memory) await rememberName({ memory, where: { guild: ctx.guild, channel: ctx.channel, user: ctx.user.id }, replyTo: null, opening: null }, story, entity.name, args.subject);
      const profile = profileOf(story, entity);
      const { count, paragraphs } = nameFact(story, entity);
      return { shows: "profile", story: story.id, ...profile, count, paragraphs, sentences: profile.sentences.map(({ text, paragraph }) => ({ text, paragraph })) };
    }
    // a name the story lacks gets the names it has; a deed is asked as a question
    if (NAME.test(name)) throw new UserError(unknownTopic(story, name).message);
    return { shows: "answer", ...(await askQuestion(typedQuestion("who", args.subject), args.story, ctx)) };
  },
  render(result, ctx) {
    if (result.shows === "answer") return renderAnswer(result, ctx);
    return profileReply(result, ctx.stories.card(result.story));
  },
  autocomplete({ focused, args, stories }) {
    const story = stories.pick(args.story);
    const people = (e: { type: string }) => e.type === "person" || e.type === "organisation";
    const found = focused.value.trim() ? searchEntities(story, focused.value).filter(people) : story.entities.filter(people);
    return found.map((e) => ({ name: e.name, value: e.name }));
  },
});
