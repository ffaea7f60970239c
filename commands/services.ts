/** What a face gives commands beyond the stories: the memories the bot keeps (none on the command line). */
import type { ConversationMemory } from "../src/conversation/memory.js";
import type { FeedbackStore } from "../src/feedback/feedback.js";

export interface Services {
  /** each user's conversation in each channel: what a follow-up question refers back to */
  conversation?: ConversationMemory | null;
  /** votes on answers, per server */
  feedback?: FeedbackStore | null;
}
