/**
 * A byline names who wrote the article: "By Priya Nandakumar, Staff Writer", "By Ana Ruiz and
 * Tom Lee | Reuters". Taken from the lines above the body; kept out of the paragraphs.
 */
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|da|del|la|le))*`;
const BYLINE = new RegExp(String.raw`^(?:By|BY|by)\s+(${NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${NAME})*?)\s*(?:[,|–—-]\s*[^\n]*)?$`, "u");

/** The writers a byline block names ("Priya Nandakumar"; "Ana Ruiz and Tom Lee"), or null. */
export function parseByline(block: string): string | null {
  // a sentence that opens with "By Christmas Eve, …" ends like one
  if (block.length > 160 || /[.!?]["”’]?$/.test(block.trim())) return null;
  const m = BYLINE.exec(block.trim());
  if (!m) return null;
  const names = m[1]!.trim();
  // a name is two words or more; "By Monday, …" or "By Reuters" is not a byline of a person
  return names.split(/\s+/).length >= 2 ? names : null;
}
