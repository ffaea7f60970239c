/** Short private notes: a user mistake, a failure with its log reference, a cooldown. */
import { line, bold } from "./rich.js";
import type { Reply } from "./reply.js";

export function noticeReply(message: string): Reply {
  return { text: [line(message)], private: true };
}

export function failureReply(ref: string): Reply {
  return { text: [line("Sorry, something went wrong (ref ", bold(ref), "). It has been logged; please try again.")], private: true };
}

export function cooldownReply(retryAfterMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return noticeReply(`You're asking quickly! Please wait ${seconds} second${seconds === 1 ? "" : "s"} before the next question.`);
}
