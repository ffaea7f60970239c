/** /when event:<text>: when something happened, as a question to the story. */
import { typedQuestionCommand } from "./answer-question.js";

export const when = typedQuestionCommand("when", {
  description: "When something in the story happened",
  option: "event",
  optionDescription: "what happened, e.g. did the war begin",
});
