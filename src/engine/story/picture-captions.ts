/**
 * A page's captions set as text of their own: the Guardian lists each picture's caption in a
 * `<ul><li><p>` after its `<figure>`, outside any `<figcaption>`, so Readability keeps it and it
 * became a paragraph (eight of one article's 37, each shifting every citation after it). Such a
 * caption says again what the picture's alt text or `<figcaption>` says, and stands right after
 * it. A block that does, in its words, is the picture's caption; one caption for a row of pictures
 * ("Clockwise from top: small whale bones; squid beaks, …; the baleen …") says each part of what
 * each picture's alt text says. A paragraph of the article that a caption happens to quote is
 * longer than the overlap ("In return, Sudan will improve access for aid groups …" under a
 * caption that paraphrases it and says more): both sides must be mostly shared.
 */
import { STOPWORDS } from "../language/stopwords.js";
import { isElement, squeeze, type DomElement } from "./dom.js";

/** A picture's words: what its alt texts and its caption say, as sets of words. */
export type PictureWords = Set<string>[];

const PICTURES = new Set(["FIGURE", "PICTURE", "IMG"]);

/** Words of three letters or more that are not function words: what two descriptions of a picture share. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) if (!STOPWORDS.has(w)) words.add(w);
  return words;
}

/** Of two texts' words, the smaller of the shares each has in common with the other. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return Math.min(shared / a.size, shared / b.size);
}

/** The alt texts and caption of a picture element (a figure, a picture, an image); empty for any other. */
export function pictureWords(el: DomElement): PictureWords {
  if (!PICTURES.has(el.tagName)) return [];
  const images = el.tagName === "IMG" ? [el] : Array.from(el.querySelectorAll("img"));
  const texts = images.map((img) => img.getAttribute("alt") ?? "");
  for (const caption of Array.from(el.querySelectorAll("figcaption"))) if (isElement(caption)) texts.push(caption.textContent ?? "");
  return texts.map((t) => wordsOf(squeeze(t))).filter((words) => words.size >= 3);
}

/**
 * A whole caption shares this much with one picture's words, both ways (the Guardian's: 0.80–1.0);
 * a short paragraph after a picture that uses the alt text's words, and others, shares less ("The
 * first rescuers reached Marram Beach at dawn." under "Rescuers on Marram Beach at dawn": 0.67).
 * Each part of a row's caption shares half with its picture's words.
 */
const WHOLE = 0.75;
const PART = 0.5;

/** Whether `text`, standing right after pictures described by `pictures`, is their caption. */
export function isPictureCaption(text: string, pictures: PictureWords): boolean {
  if (!pictures.length) return false;
  const best = (words: Set<string>) => Math.max(...pictures.map((p) => overlap(words, p)));
  const words = wordsOf(text);
  if (words.size >= 3 && best(words) >= WHOLE) return true;
  // "Clockwise from top: A; B; C": each part after its label, against the picture it describes
  const parts = text.split(";").map((part) => wordsOf(part.replace(/^[^:;]{0,30}:\s*/, ""))).filter((w) => w.size > 0);
  return parts.length >= 2 && parts.every((part) => best(part) >= PART);
}
