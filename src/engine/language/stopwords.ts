/** Function words that carry no content for retrieval or answer support. */
export const STOPWORDS = new Set(
  `a an the and or but nor so yet of in on at to for from by with about as into onto upon over under between among through during
  before after above below up down out off than then once here there when where why how what which who whom whose this that these
  those am is are was were be been being have has had having do does did doing will would shall should can could may might must
  i me my myself we us our ours you your yours he him his himself she her hers herself it its itself they them their theirs
  themselves not no only own same too very just also any both each few more most other some such s t don now 's ’s '
  name named one ones kind sort type thing things get got give gave given make made take took let
  behalf according regarding respectively`.split(/\s+/),
);

/** Words that ask the question rather than carry its content. */
export const QUESTION_WORDS = new Set(`who whom whose when where what which why how`.split(" "));
