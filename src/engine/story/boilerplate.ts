/**
 * What a pasted article carries besides its story: photo credits, share buttons, promo and
 * newsletter lines, copyright. Such blocks are kept out of answers and summaries.
 */
const CREDIT = /^(?:photo|image|picture|illustration|graphic|video|file photo)s?\b.{0,120}\b(?:courtesy|credit|by|via|getty|reuters|ap|afp|yonhap)\b/i;
const CALL_TO_ACTION = /^(?:share(?: it| this(?: article| story)?| on \w+)?|tweet|print|email|subscribe\b.*|sign up\b.*|follow us\b.*|click here\b.*|read more\b.*|related(?: articles?| stories)?:?.*|advertisement|exclusive:.*|sponsored.*|recommended.*|most (?:read|popular).*|more from\b.*|see also\b.*|copyright\b.*|all rights reserved.*|\(c\).*|©.*)$/i;
const SENTENCE_END = /[.!?…"”’)\]]$/;

/** True for a block that is not part of the story's prose; a list item may be short and unpunctuated. */
export function isBoilerplate(block: string, listItem = false): boolean {
  const text = block.trim();
  if (!text) return true;
  if (CREDIT.test(text) || CALL_TO_ACTION.test(text)) return true;
  // a short line with no sentence ending and few words is a kicker, button or promo, not prose
  const words = text.split(/\s+/).length;
  // "Analysts gave three reasons:" introduces what follows; "Read more:" does not
  if ((text.endsWith(":") && words >= 4) || listItem) return false;
  return words <= 8 && !SENTENCE_END.test(text);
}
