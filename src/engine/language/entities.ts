/**
 * People, places and organisations: proper-name runs typed by general English cues (titles,
 * head words, prepositions, appositives, speech verbs), merged across the story, with short
 * forms and acronyms linked to their full names and descriptions taken from appositives and titles.
 */
import { AGENT_NOUN, BUSINESS_WORDS, COMPANY_MODIFIED, PERSONAL_NOUNS, PLACE_OPENERS, POSSESSIVE, RECIPIENT_PREPOSITIONS, PLACE_NOUNS, EVENT_HEADS, ROAD_WORDS, STORM_WORDS, NATIONALITY_ENDING, ORG_HEADS, PERSON_NOUNS, PERSON_VERBS, PLACE_HEADS, PLACE_PREPOSITIONS, TITLES } from "./lexicon.js";
import { isDemonym, isKnownPlace } from "./gazetteer.js";
import { nameRuns } from "./names.js";
import { isEnglishWord, isEnglishWordOrPlural, isKindOf, isOnlyCommonNoun, isOrganisationNoun, isPersonNoun, isPlaceNoun } from "./wordnet.js";
import { beforeArticle, spanText } from "./spans.js";
import type { DateMention, Entity, EntityType, Sentence, Span, Token } from "../types.js";

type Votes = Record<"person" | "place" | "organisation" | "other", number>;

interface Draft {
  name: string;
  votes: Votes;
  descriptions: string[];
  mentions: Span[];
  aliases: Set<string>;
}

const DOCUMENT_AND_SHOW_HEADS = new Set(["Bill", "Directive", "Regulation", "Amendment", "Charter", "Show", "Fair", "Exposition", "Expo", "Parade", "Marathon"]);
/** "Amazon-owned Whole Foods", "Saudi-backed forces": what the name is to the next one is its owner or backer. */
const OWNER_PARTICIPLE = /^(?:owned|backed|funded|financed|run|operated|controlled|sponsored)$/;
const PUNCT_END = new Set([",", ".", ";", ":", "(", ")", "—", "–", "!", "?", "”", '"']);

/** Two to four words shaped like a person's given names and surname, the last no organisation's head. */
function personShaped(sentence: Sentence, from: number, end: number): boolean {
  const words = sentence.tokens.slice(from, end).map((t) => t.text);
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w)) && !ORG_HEADS.has(words[words.length - 1]!);
}

/** Words that end a title of two: "Chief Executive", "Chief Operating Officer", "Surgeon General". */
const TITLE_ENDS = /^(?:Executive|Officer|General|Secretary|Director|Justice)$/;

/** The last title word of a name run, with at least two words after it; -1 when none. */
function lastTitleBefore(sentence: Sentence, from: number, end: number): number {
  const word = (i: number) => sentence.tokens[i]!.text;
  for (let i = end - 3; i > from; i--) if (TITLES.has(word(i)) || (TITLE_ENDS.test(word(i)) && i - 1 >= from && TITLES.has(word(i - 1)))) return i;
  return -1;
}

/** A capitalised role noun opening a sentence: "Striker Tomasz Wieczorek scored". */
function isRoleWord(sentence: Sentence, i: number): boolean {
  const lower = sentence.tokens[i]!.text.toLowerCase();
  return i === 0 && (PERSON_NOUNS.has(lower) || AGENT_NOUN.test(lower));
}

function stripTitles(sentence: Sentence, start: number, end: number): { start: number; title: string | null } {
  let s = start;
  if (end - start >= 3 && isRoleWord(sentence, start)) s++;
  const hyphenated = (i: number) => sentence.tokens[i + 1]?.text === "-" && sentence.tokens[i]!.end === sentence.tokens[i + 1]!.start;
  const word = (i: number) => sentence.tokens[i]?.text ?? "";
  // "Zimbabwe President Robert Mugabe", "South Africa President …": a country before a title says whose title it is
  const placeBeforeTitle = (i: number) => (isKnownPlace(word(i)) && TITLES.has(word(i + 1)) ? 1 : isKnownPlace(`${word(i)} ${word(i + 1)}`) && TITLES.has(word(i + 2)) ? 2 : 0);
  // "Attorney-General George Brandis", "Vice-President Ana Ruiz": a title of two words joined by a hyphen
  const joinedTitle = /^\p{Lu}\p{L}+-(\p{Lu}\p{L}+)$/u.exec(word(s));
  if (joinedTitle && TITLES.has(joinedTitle[1]!) && personShaped(sentence, s + 1, end)) s += 1;
  else if (hyphenated(s) && (TITLES.has(word(s)) || TITLES.has(word(s + 2))) && personShaped(sentence, s + 3, end)) s += 3;
  // "Australian Federal Police Commissioner Andrew Colvin": an office of any length before the
  // title, when what follows the title is shaped like a person's name
  const lastTitle = lastTitleBefore(sentence, s, end);
  if (lastTitle > s && personShaped(sentence, lastTitle + 1, end)) s = lastTitle + 1;
  // "Saint-Clair-sur-Epte": a title word joined by a hyphen is part of a place name
  while (s < end - 1 && !hyphenated(s)) {
    // "Communications Minister Malcolm Turnbull", "Opposition Leader Bill Shorten": a word before a
    // title names its office, when a name of two words or more follows
    const titled = TITLES.has(word(s)) || (NATIONALITY_ENDING.test(word(s)) || s + 1 < end - 2) && TITLES.has(word(s + 1));
    const place = titled ? 0 : placeBeforeTitle(s);
    // a country goes with its title only when a name is left after both
    if (!titled && !(place && s + place < end - 1)) break;
    s += titled ? 1 : place;
  }
  // "Lady Gaga", "King Richard": a title before a single name is part of how the person is called;
  // "King of England", "President of France": the title is the name's head
  if (s === start || end - s < 2 || sentence.tokens[s]!.text === "of") return { start, title: null };
  return { start: s, title: spanText(sentence.text, sentence.tokens, start, s) };
}

const RELATIVE_WORDS = /^(?:who|whose|whom|which|that)$/i;
/** A word written on to the one before with a hyphen: "-based" of "Seattle-based". */
const joinedByHyphen = (t: readonly Token[], i: number) => t[i - 1]?.text === "-" && t[i - 1]!.end === t[i]!.start;
/** Verbs that attribute a quote: "…, said Tom Forte, who follows Amazon …". */
const ATTRIBUTING = new Set(["say", "tell", "add", "note", "explain", "write", "warn"]);

/**
 * "…, Tunisia country director for Amnesty International, …", "…, Google's chief executive, …": a
 * description may open with the name of where the role is held, when a word for a person's role
 * follows within a few words ("Paris, France" and "Smith, Jones and Brown" have none).
 */
function namedRole(t: readonly Token[], from: number): boolean {
  let i = from;
  // the possessive of a plural name is a bare apostrophe, tagged as punctuation ("Nordlys Ferries' chief executive")
  while (i < t.length && i - from < 4 && (t[i]!.pos === "PROPN" || (i > from && POSSESSIVE.test(t[i]!.text)))) i++;
  if (i === from) return false;
  // "country director", "chief executive": the role word may follow words that say of what
  for (let k = i; k < i + 3 && t[k]; k++) {
    if (isLowerRoleWord(t[k])) return true;
    if ((t[k]!.pos !== "ADJ" && t[k]!.pos !== "NOUN") || t[k]!.text !== t[k]!.text.toLowerCase()) return false;
  }
  return false;
}

/** "…, the eldest son of Mao Zedong, …" → "eldest son of Mao Zedong". */
function appositive(sentence: Sentence, end: number): string | null {
  const t = sentence.tokens;
  if (t[end]?.text !== ",") return null;
  let i = end + 1;
  const first = t[i];
  if (!first) return null;
  // "…, one of the leading voices on Sudan, …": one of a kind is a description too
  const oneOf = first.text.toLowerCase() === "one" && t[i + 1]?.text === "of";
  const startsLikeNounPhrase = first.pos === "DET" || (first.pos === "ADJ" || first.pos === "NOUN") && first.text === first.text.toLowerCase() || oneOf || namedRole(t, i);
  if (!startsLikeNounPhrase) return null;
  const from = first.pos === "DET" ? i + 1 : i;
  let sawNoun = false;
  for (; i < t.length && !PUNCT_END.has(t[i]!.text); i++) {
    // "…, a professor at Purdue University whose research includes …": the description ends where a relative clause begins
    if (sawNoun && RELATIVE_WORDS.test(t[i]!.text)) break;
    // "president of Mercer Island-based Dana F. Besecker Company": a participle joined to a name is part of the phrase
    if (t[i]!.pos === "VERB" && joinedByHyphen(t, i)) continue;
    if (t[i]!.pos === "VERB" || t[i]!.pos === "AUX" || t[i]!.text === "according") return null;
    // "…, double the number in 2017": an article right after a word of the phrase starts another phrase
    if (t[i]!.pos === "DET" && i > from && (t[i - 1]!.pos === "ADJ" || t[i - 1]!.pos === "NOUN")) return null;
    if (t[i]!.pos === "NOUN") sawNoun = true;
  }
  // a long name inside it is one thing ("a senior fellow at the François-Xavier Bagnoud Center for
  // Health and Human Rights at Harvard University"): the words around names make a description long
  const ownWords = t.slice(from, i).filter((x) => !/^\p{Lu}/u.test(x.text)).length;
  if (!sawNoun || ownWords > 12 || i - from > 24 || i === from) return null;
  // "the fashions of Coco Chanel, the poetry of Gertrude Stein, and the music of …": a list's next item
  if (t[i]?.text === "," && /^(?:and|or)$/i.test(t[i + 1]?.text ?? "")) return null;
  return spanText(sentence.text, t, from, i);
}

/** "…, who led the study, …" → "led the study": a relative clause that says who the person is. */
function relativeClause(sentence: Sentence, start: number, end: number): string | null {
  const t = sentence.tokens;
  if (t[end]?.text !== "," || t[end + 1]?.text.toLowerCase() !== "who") return null;
  // "Hughes of Imperial College London, who …" describes Hughes
  if (PLACE_PREPOSITIONS.has(t[start - 1]?.text.toLowerCase() ?? "") || t[start - 1]?.text === "of") return null;
  let i = end + 2;
  while (i < t.length && !PUNCT_END.has(t[i]!.text)) i++;
  // a clause that runs to the sentence's end is the sentence's own statement, not a description,
  // unless the name is the source of what the sentence quotes ("…, said Tom Forte, who follows …")
  const attributed = ATTRIBUTING.has(t[start - 1]?.lemma.toLowerCase() ?? "") && (i >= t.length - 1 || t[i]?.text === ".");
  if ((t[i]?.text !== "," && !attributed) || i - (end + 2) > 12 || i === end + 2) return null;
  return spanText(sentence.text, t, end + 2, i);
}

/**
 * A lower-case word for a person or an office ("leader", "captain", and whatever WordNet first
 * reads as a person: "veteran", "novelist", "tycoon"): what describes a name, where "aid" before
 * "Korea" does not. WordNet's are taken singular only: "told reporters Kim would visit" names
 * no role of Kim's.
 */
function isLowerRoleWord(tok: Token | undefined): tok is Token {
  if (!tok || tok.pos !== "NOUN" || tok.text !== tok.text.toLowerCase()) return false;
  return PERSON_NOUNS.has(tok.lemma) || AGENT_NOUN.test(tok.text) || TITLES.has(tok.text.charAt(0).toUpperCase() + tok.text.slice(1)) || (tok.lemma === tok.text && isPersonNoun(tok.text));
}

/** What opens a role set off before a name: "the captain, …", "its founder, …". */
const OPENS_ROLE = /^(?:the|its|their|his|her|our)$/i;

/**
 * "a corner taken by the captain, Femi Adeyinka" → "captain": a role set off by a comma before the
 * name it describes, opened by an article or a possessive, the name closing the phrase.
 */
function appositiveBefore(sentence: Sentence, start: number, end: number): string | null {
  const t = sentence.tokens;
  if (t[start - 1]?.text !== "," || !isLowerRoleWord(t[start - 2])) return null;
  const after = t[end]?.text;
  if (after !== undefined && !/^[,.;:)]$/.test(after)) return null;
  let s = start - 2;
  while (s > 0 && start - 1 - s < 5 && (["ADJ", "NOUN"].includes(t[s - 1]!.pos) || (t[s - 1]!.pos === "PART" && POSSESSIVE.test(t[s - 1]!.text)) || (t[s - 1]!.pos === "PROPN" && t[s]!.pos === "PART"))) s--;
  // "against Sudan's president, Omar Hassan al-Bashir": a possessive name opens the role as "its" does
  const namedOwner = t[s]?.pos === "PROPN" && POSSESSIVE.test(t[s + 1]?.text ?? "");
  if (!OPENS_ROLE.test(t[s - 1]?.text ?? "") && !namedOwner) return null;
  // "the club's chairman": the phrase as written, without its article
  return spanText(sentence.text, t, s, start - 1);
}

/**
 * "North Korean leader Kim Jong-un" → "North Korean leader": a lower-case role noun right before
 * the name; a plural one only before a list ("co-founders Larry Page and Sergey Brin", not "told
 * reporters Kim would visit").
 */
function roleBefore(sentence: Sentence, start: number, end: number): string | null {
  const t = sentence.tokens;
  const word = t[start - 1];
  if (word && word.lemma !== word.text.toLowerCase() && !/^(?:and|,)$/.test(t[end]?.text ?? "")) return null;
  // "skipper Wade Bassi", "security chief Emmerson Mnangagwa": the tagger may read a role word
  // before a name as a verb or an adjective
  const otherwiseTagged = (tok: Token | undefined) =>
    !!tok && (tok.pos === "VERB" || tok.pos === "ADJ") && tok.text === tok.text.toLowerCase() && (PERSON_NOUNS.has(tok.text) || (AGENT_NOUN.test(tok.text) && isPersonNoun(tok.text)));
  if (!isLowerRoleWord(t[start - 1]) && !otherwiseTagged(t[start - 1])) return null;
  let s = start - 1;
  // "the 55-year-old skipper Aron Velt": a word joined on by a hyphen ends the role ("skipper", not "old skipper")
  while (s > 0 && (t[s - 1]!.pos === "ADJ" || t[s - 1]!.pos === "PROPN" || t[s - 1]!.pos === "NOUN") && !/^(?:the|a|an)$/i.test(t[s - 1]!.text) && !joinedByHyphen(t, s - 1)) s--;
  if (start - s > 5) s = start - 5;
  return spanText(sentence.text, t, s, start);
}

/** A word shaped like a name's: "Robert", "McCartney", "O'Brien", "DeSantis". */
const NAME_WORD = /^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|La|Le|Van|Von)?\p{Lu}[\p{Ll}'’-]+$/u;

function vote(sentence: Sentence, start: number, end: number, titled: boolean, description: string | null): Votes {
  const t = sentence.tokens;
  const words = t.slice(start, end).map((x) => x.text);
  const last = words[words.length - 1]!;
  // "in the Saxon Garden": the preposition may stand before an article
  const beforeAt = beforeArticle(t, start);
  const before = t[beforeAt]?.text.toLowerCase() ?? "";
  const after = t[end]?.text ?? "";
  const afterNext = t[end + 1]?.text.toLowerCase() ?? "";
  const v: Votes = { person: 0, place: 0, organisation: 0, other: 0 };
  const name = words.join(" ");
  if (titled) v.person += 3;
  if (isKnownPlace(name)) v.place += 4;
  if (isDemonym(name)) v.other += 4;
  // a head word alone is an ordinary word, often a sentence's first ("Construction is due …")
  if (PLACE_HEADS.has(last) && words.length > 1) v.place += 3;
  // "Mount Everest", "Lake Tahoe", "Boulevard Montmartre": a place word may come first, unless an organisation's head ends the name ("Mount Sinai Hospital")
  if (PLACE_OPENERS.has(words[0]!) && words.length > 1 && !ORG_HEADS.has(last) && !EVENT_HEADS.has(last)) v.place += 3;
  if (ORG_HEADS.has(last) && words.length > 1) v.organisation += 3;
  // "Imperial College London", "University College Dublin": an organisation named with its city
  if (words.length > 2 && ORG_HEADS.has(words[words.length - 2]!) && isKnownPlace(last)) v.organisation += 3;
  if (EVENT_HEADS.has(last) || /^\d+$|^[IVXLC]+$/.test(last) && words.length > 1) v.other += 3;
  // "Data Retention Bill", "Paris Motor Show": heads that are also given names or common words alone
  if (words.length > 1 && DOCUMENT_AND_SHOW_HEADS.has(last)) v.other += 3;
  // "the Bill", "this Bill": with a determiner, the head alone is the document, not a man called Bill
  if (words.length === 1 && DOCUMENT_AND_SHOW_HEADS.has(last) && t[start - 1]?.pos === "DET") v.other += 3;
  if (words.length > 1 && words.some((w) => STORM_WORDS.has(w))) v.other += 4;
  if (words.length === 2 && ROAD_WORDS.has(words[0]!) && /^\d+[A-Z]?$/.test(last)) v.place += 4;
  // an acronym, unless it is a word a lead sets in capitals ("A HIGH-powered team …")
  const leadCapitals = start <= 1 && after === "-" && isEnglishWord(last.toLowerCase());
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(last) && !leadCapitals) v.organisation += 1.5;
  // "COVID-19", "F-16": a code name with digits is a thing, not a place or person
  if (words.length === 1 && /^\p{Lu}[\p{Lu}\d]*-\d+$/u.test(last)) v.other += 3;
  const head = description?.split(/\s+(?:of|in|on|at|for|with|from|east|west|north|south|near)\b/)[0]!.split(/\s+/).pop() ?? "";
  if (PERSON_NOUNS.has(head) || AGENT_NOUN.test(head)) v.person += 2;
  else if (PLACE_NOUNS.has(head)) v.place += 2;
  // "Amnesty International, a London-based rights group": a description headed by a word for an organisation
  else if (/^\p{Ll}/u.test(head) && (ORG_HEADS.has(head.charAt(0).toUpperCase() + head.slice(1)) || isOrganisationNoun(head))) v.organisation += 2;
  // "Ministry of Transport", "Republic of Korea", "Institute for Snow Research": the head comes before "of" or "for"
  const ofAt = Math.max(words.lastIndexOf("of"), words.lastIndexOf("for"));
  if (ofAt > 0 && ORG_HEADS.has(words[ofAt - 1]!)) v.organisation += 3;
  if (ofAt > 0 && PLACE_HEADS.has(words[ofAt - 1]!)) v.place += 3;
  // "King of England", "Duke of Normandy"
  if (ofAt === 1 && TITLES.has(words[0]!)) v.person += 3;
  // "Hughes of Imperial College London, who …": the "who" is the person before "of"
  if ((after === "who" || after === "," && afterNext === "who") && before !== "of") v.person += 2;
  // "Eloise Parry, 21, was …": an age in commas after a name
  if (after === "," && /^\d{1,3}$/.test(afterNext) && t[end + 2]?.text === ",") v.person += 2;
  if (PERSON_VERBS.has(after.toLowerCase()) || after === "," && PERSON_VERBS.has(afterNext)) v.person += 1;
  // "shares in Havbris", "a stake in Zeewind": what one holds shares in is a company, not a place
  const holding = before === "in" && /^(?:shares?|stakes?|stocks?|investments?|interests?)$/i.test(t[start - 2]?.text ?? "");
  // "from Tony Abbott's office", "in Dell's buyout": the preposition is the possessed noun's
  const possessor = POSSESSIVE.test(after);
  // "at Amazon-owned Whole Foods", "in Seattle-based firms", "at the D.A. Davidson brokerage": the
  // preposition is the compound's, and the word after the name says what it is
  const participle = after === "-" ? t[end + 1]?.text ?? "" : "";
  const modified = t[end]?.pos === "NOUN" && COMPANY_MODIFIED.has(after) ? after : "";
  if (OWNER_PARTICIPLE.test(participle) || modified) v.organisation += 1.5;
  if (participle === "based") v.place += 2;
  // "a letter to Abbott", "a call from Mayer": what is sent or said goes to and comes from someone
  const message = (before === "to" || before === "from") && t[beforeAt - 1]?.pos === "NOUN" && isKindOf(t[beforeAt - 1]!.lemma, "communication");
  // "according to Coresight Research": the source of a report, not a place
  const source = before === "to" && t[beforeAt - 1]?.text.toLowerCase() === "according";
  if (holding) v.organisation += 2;
  else if (message) v.person += 1;
  else if (!source && PLACE_PREPOSITIONS.has(before) && !possessor && !participle && !modified) v.place += RECIPIENT_PREPOSITIONS.has(before) ? 1 : 1.2;
  // the noun before the preposition, or after "such as"/"like", or what the name possesses
  const governing = t[before === "as" && t[beforeAt - 1]?.text.toLowerCase() === "such" ? beforeAt - 2 : beforeAt - 1];
  const owned = possessor ? t[end + 1]?.text.toLowerCase() ?? "" : "";
  const businessGoverned = /^(?:to|from|with|by|of|at|for|as|like)$/.test(before) && BUSINESS_WORDS.has(governing?.text.toLowerCase() ?? "");
  if (BUSINESS_WORDS.has(owned) || businessGoverned) v.organisation += 1.5;
  if (PERSONAL_NOUNS.has(owned)) v.person += 1.5;
  // "companies like Costco", "cities such as Lyon", "leaders including Xi": the noun names the kind
  const example = before === "like" || before === "including" || before === "as" && governing !== t[beforeAt - 1];
  const kindNoun = example && !businessGoverned && governing?.pos === "NOUN" ? governing.text.toLowerCase() : "";
  if (kindNoun && isPersonNoun(kindNoun)) v.person += 1.5;
  else if (kindNoun && isOrganisationNoun(kindNoun)) v.organisation += 1.5;
  else if (kindNoun && isPlaceNoun(kindNoun)) v.place += 1.5;
  // a person is not named with an article ("the Solent Star", "the Hague"), though a people is ("the Seljuk Turks")
  if (t[start - 1]?.text.toLowerCase() === "the" && !/[^sui]s$/.test(last)) v.person -= 1;
  // "the town of Ashford", "the city of Kessel"
  if (before === "of" && PLACE_NOUNS.has(t[start - 2]?.text ?? "")) v.place += 2;
  const prevWord = t[start - 1];
  // a common noun right before a name says what it is: "engineer Mads Kjeldsen", "the firm Zeewind",
  // "the journal Nature Microbiology" (a thing: neither person, place nor organisation)
  if (prevWord && prevWord.pos === "NOUN" && prevWord.text === prevWord.text.toLowerCase()) {
    if (PERSON_NOUNS.has(prevWord.text)) v.person += 2;
    // WordNet's first sense is a person's, though trade prose uses some for firms ("turbine maker Havbris")
    else if (isPersonNoun(prevWord.text)) v.person += 1;
    else if (isOrganisationNoun(prevWord.text)) v.organisation += 2;
    else if (isPlaceNoun(prevWord.text)) v.place += 2;
    else v.other += 1.5;
  }
  // "Chinese soldiers", "North Korean leader": a nationality adjective, not a name
  // (not "which Bassi co-owns": the tagger's noun there is a verb with its prefix)
  if (NATIONALITY_ENDING.test(last) && t[end] && t[end]!.pos === "NOUN" && t[end]!.text === t[end]!.text.toLowerCase() && !t[end]!.text.includes("-")) v.other += 4;
  // two to four capitalised words look like a person's name, unless every one is an English word
  // and the last one WordNet never writes as a name: "Yahoo Finance", "Certified Sustainable Seafood"
  // (but "Kawann Short", "Robert Lane", "Condoleezza Rice")
  const nameShaped = words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w) || /^\p{Lu}\.$/u.test(w));
  const plainWords = isOnlyCommonNoun(last) && words.every(isEnglishWordOrPlural);
  if (nameShaped && !plainWords) v.person += 0.8;
  return v;
}

function add(a: Votes, b: Votes): void {
  for (const k of Object.keys(a) as (keyof Votes)[]) a[k] += b[k];
}

function bestType(v: Votes): EntityType {
  const entries = Object.entries(v) as [keyof Votes, number][];
  const [type, score] = entries.reduce((x, y) => (y[1] > x[1] ? y : x));
  return score > 0 ? type : "other";
}

function initials(name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
}

export function findEntities(sentences: Sentence[], dates: DateMention[]): Entity[] {
  const drafts = new Map<string, Draft>();
  /** [the second name, the first] of "X and Y", "X or Y" */
  const conjuncts: [string, string][] = [];
  for (const sentence of sentences) {
    const blocked = sentence.tokens.map(() => false);
    for (const d of dates) if (d.sentence === sentence.id) for (let i = d.start; i < d.end; i++) blocked[i] = true;
    let previous: { end: number; key: string } | null = null;
    for (const run of nameRuns(sentence.tokens, blocked)) {
      const { start, title } = stripTitles(sentence, run.start, run.end);
      const name = spanText(sentence.text, sentence.tokens, start, run.end);
      const description = appositive(sentence, run.end);
      const before = title ?? roleBefore(sentence, start, run.end);
      const setOff = before ? null : appositiveBefore(sentence, start, run.end);
      const role = before ?? setOff;
      const key = name.toLowerCase();
      const draft = drafts.get(key) ?? { name, votes: { person: 0, place: 0, organisation: 0, other: 0 }, descriptions: [], mentions: [], aliases: new Set<string>() };
      add(draft.votes, vote(sentence, start, run.end, title !== null, description));
      // "Sudan's president, Omar Hassan al-Bashir": a person's role set off before the name (its
      // head is a role word: appositiveBefore takes no other)
      if (setOff) draft.votes.person += 2;
      for (const d of [role, description, relativeClause(sentence, start, run.end)]) if (d && !draft.descriptions.includes(d)) draft.descriptions.push(d);
      draft.mentions.push({ sentence: sentence.id, start, end: run.end, text: name });
      drafts.set(key, draft);
      if (previous && previous.end === run.start - 1 && /^(?:and|or)$/.test(sentence.tokens[previous.end]!.text) && previous.key !== key) conjuncts.push([key, previous.key]);
      previous = { end: run.end, key };
    }
  }
  // "in San Francisco and Los Angeles", "from News Corporation and Fairfax": the second of two
  // joined names is of the kind the first is (as read before this step, so that nothing chains)
  const firstTypes = new Map(conjuncts.map(([, first]) => [first, bestType(drafts.get(first)!.votes)]));
  for (const [second, first] of conjuncts) {
    const type = firstTypes.get(first)!;
    if (type !== "other") drafts.get(second)!.votes[type as keyof Votes] += 1.5;
  }
  // a lone capitalised word that opens a sentence with no other cue is an ordinary word ("Friendly ties …",
  // "Tourism is critical …"), unless it is no English word and one full name has it ("Moyo, 61, has led …")
  const opener = (d: Draft) =>
    !d.name.includes(" ") && Object.values(d.votes).every((x) => x <= 0) && d.mentions.every((m) => m.start === 0 || m.start === 1 && !/\p{L}/u.test(sentences[m.sentence]!.tokens[0]!.text));
  for (const [key, d] of drafts) if (opener(d) && isEnglishWord(d.name.toLowerCase())) drafts.delete(key);
  linkShortForms(drafts, sentences);
  for (const [key, d] of drafts) if (opener(d)) drafts.delete(key);
  return [...drafts.values()].map((d) => ({
    name: d.name,
    type: bestType(d.votes),
    aliases: [...d.aliases],
    descriptions: d.descriptions,
    mentions: d.mentions,
  }));
}

/** "South Sudan", "North Korea", "New Mexico", "Greater Manchester": another place than the one the word names alone. */
const QUALIFIER = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|New|Greater)$/;
/** What a known place's name may add to it and still be that place: "Hoechang County", "Jeju Island". */
const SAME_PLACE_HEADS = new Set(["County", "Province", "Prefecture", "Region", "District", "State", "Oblast", "Territory", "Island", "Islands"]);

/**
 * A word that is a place's name in its own right is not short for a longer name that merely holds
 * it: "Sudan" for "South Sudan", "Paris" for "Paris Motor Show", "U.S." for "U.S. Embassy".
 */
function namesAnotherPlace(word: string, name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length === 2 && words[1] === word && QUALIFIER.test(words[0]!)) return true;
  return isKnownPlace(word) && !(words.length === 2 && words[0] === word && SAME_PLACE_HEADS.has(words[1]!));
}

/**
 * "Yahoo Japan", "Google UK": a company's branch in a country, not the company its first word names
 * alone, unless that word is read as a person's ("Kim said", beside "Kim Jordan").
 */
function isRegionalBranch(short: Draft, full: Draft): boolean {
  const words = full.name.split(/\s+/);
  return words.length === 2 && words[0] === short.name && isKnownPlace(words[1]!) && bestType(short.votes) !== "person";
}

/** "Mr Mugabe", "Dr. Hughes": an honorific and a family name, a short form like the name alone. */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(\S+)$/;

const OPENING_QUOTE = /["“‘']$/;
const CLOSING_QUOTE = /^["”’']/;

/**
 * A name the story only ever writes in quotation marks: a nickname ("Dubbed “DisGrace” or “Gucci
 * Grace”"), or the title of a work, not the name its words are short for.
 */
function onlyQuoted(d: Draft, sentences: readonly Sentence[]): boolean {
  return d.mentions.every((m) => {
    const s = sentences[m.sentence];
    const first = s?.tokens[m.start];
    const last = s?.tokens[m.end - 1];
    return !!first && !!last && OPENING_QUOTE.test(s.text.slice(0, first.start)) && CLOSING_QUOTE.test(s.text.slice(last.end));
  });
}

/**
 * Folds "Kim" into "Kim Jong-un", "KCNA" into "Korean Central News Agency" and "Mr Mugabe" into
 * "Robert Mugabe" when exactly one full name fits.
 */
function linkShortForms(drafts: Map<string, Draft>, sentences: readonly Sentence[]): void {
  const full = [...drafts.values()].filter((d) => d.name.split(/\s+/).length > 1 && !HONORIFIC.test(d.name) && !onlyQuoted(d, sentences));
  for (const [key, short] of drafts) {
    const honorific = HONORIFIC.exec(short.name);
    if (short.name.includes(" ") && !honorific) continue;
    const word = honorific ? honorific[1]! : short.name;
    // only the head part of a name stands for it: "Leeds" is not short for "University of Leeds"
    const holders = full.filter((f) => f.name.split(/\s+of\s+/)[0]!.split(/\s+/).some((w) => w === word || w.split("-")[0] === word) && f !== short);
    // "Korea" beside "North Korea", "South Korea" and "Korea Herald" is a place of its own
    const byWord = holders.some((f) => namesAnotherPlace(word, f.name)) ? [] : holders.filter((f) => !isRegionalBranch(short, f));
    const byAcronym = /^\p{Lu}{2,}$/u.test(word) ? full.filter((f) => initials(f.name) === word) : [];
    // "Besecker said" beside "Tyler Besecker" and "Dana F. Besecker Company": the person, when every
    // other name that holds the word is a place or an organisation (named after them)
    const person = bestType(short.votes) === "person" ? byWord.filter((f) => bestType(f.votes) === "person") : [];
    const namedAfter = byWord.every((f) => person.includes(f) || ["organisation", "place"].includes(bestType(f.votes)));
    const sameKind = byWord.length > 1 && namedAfter ? person : [];
    const targets = byAcronym.length === 1 ? byAcronym : byWord.length === 1 ? byWord : sameKind.length === 1 ? sameKind : [];
    const target = targets[0];
    if (!target) continue;
    target.aliases.add(short.name);
    target.mentions.push(...short.mentions);
    add(target.votes, short.votes);
    for (const d of short.descriptions) if (!target.descriptions.includes(d)) target.descriptions.push(d);
    drafts.delete(key);
  }
  // a full name written with a title elsewhere ("Comrade Kim Jong-un") is already stripped to the same key
}
