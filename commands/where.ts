/** /where subject:<text>: where something is or happened, as a question to the story. */
import { typedQuestionCommand } from "./answer-question.js";

export const where = typedQuestionCommand("where", {
  description: "Where something in the story is or happened",
  option: "subject",
  optionDescription: "what or who, e.g. is the cemetery",
});
