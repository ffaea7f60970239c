/** People, places and organisations (names.ts, entities.ts): typing, alias linking, descriptions. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText, type Entity, type Story } from "../src/engine/index.js";

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), "utf8");

function entity(story: Story, name: string): Entity {
  const e = story.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity "${name}"; found: ${story.entities.map((x) => x.name).join(", ")}`);
  return e;
}

/** The entity a form (name or alias) stands for, if any. */
const byForm = (story: Story, form: string) => story.entities.filter((e) => e.name === form || e.aliases.includes(form));
/** The entity whose full name this is, if any. */
const entityNamed = (story: Story, name: string) => story.entities.find((e) => e.name === name);

/** A story of these paragraphs, and its entities by full name. */
function storyOf(paragraphs: string[]): { story: Story; byName: (name: string) => Entity | undefined } {
  const story = ingestText(paragraphs.join("\n\n"), "s");
  return { story, byName: (name) => entityNamed(story, name) };
}

function checkMentions(story: Story): void {
  for (const e of story.entities) {
    expect(e.mentions.length, e.name).toBeGreaterThan(0);
    for (const m of e.mentions) {
      const s = story.sentences[m.sentence]!;
      const from = s.tokens[m.start]!.start;
      const to = s.tokens[m.end - 1]!.end;
      expect(s.text.slice(from, to)).toBe(m.text);
      expect([e.name, ...e.aliases]).toContain(m.text);
    }
  }
}

describe("entities of the default story", () => {
  const story = ingestText(read("../data/stories/korea-herald-2020-10-22.txt"), "kh");

  it("types the people, places and organisations", () => {
    for (const n of ["Kim Jong-un", "Mao Anying", "Mao Zedong", "Xi Jinping"]) expect(entity(story, n).type, n).toBe("person");
    for (const n of ["Pyongyang", "Beijing", "China", "North Korea", "South Korea", "Hoechang County"]) expect(entity(story, n).type, n).toBe("place");
    for (const n of ["Korean Central News Agency", "Chinese Communist Party", "Chinese People’s Volunteer Army"]) expect(entity(story, n).type, n).toBe("organisation");
  });

  it("does not take a nationality adjective for a name of a person or place", () => {
    // "Chinese soldiers", "North Korean leader"
    for (const n of ["Chinese", "North Korean"]) expect(entity(story, n).type, n).toBe("other");
  });

  it("links the short form Kim to Kim Jong-un, with its mentions", () => {
    const kim = entity(story, "Kim Jong-un");
    expect(kim.aliases).toContain("Kim");
    expect(story.entities.find((e) => e.name === "Kim")).toBeUndefined();
    // "Kim laid flowers at the tomb of Mao Anying" is a mention of Kim Jong-un
    const laid = story.sentences.find((s) => s.text.includes("Kim laid flowers"))!;
    expect(kim.mentions.some((m) => m.sentence === laid.id && m.text === "Kim")).toBe(true);
    expect(kim.mentions.length).toBeGreaterThanOrEqual(8);
  });

  it("links the acronym KCNA to Korean Central News Agency", () => {
    const kcna = entity(story, "Korean Central News Agency");
    expect(kcna.aliases).toContain("KCNA");
    expect(byForm(story, "KCNA")).toEqual([kcna]);
    expect(kcna.mentions.filter((m) => m.text === "KCNA").length).toBe(2);
  });

  it("links Xi to Xi Jinping and Hoechang to Hoechang County", () => {
    expect(entity(story, "Xi Jinping").aliases).toContain("Xi");
    expect(entity(story, "Hoechang County").aliases).toContain("Hoechang");
  });

  it("keeps Mao Anying and Mao Zedong apart", () => {
    expect(entity(story, "Mao Anying").aliases).not.toContain("Mao Zedong");
    expect(entity(story, "Mao Zedong").aliases).not.toContain("Mao Anying");
    expect(byForm(story, "Mao")).toEqual([]);
  });

  it("takes descriptions from appositives and titles", () => {
    expect(entity(story, "Mao Anying").descriptions).toContain("eldest son of Mao Zedong");
    expect(entity(story, "Mao Zedong").descriptions).toContain("founder of communist China");
    expect(entity(story, "Xi Jinping").descriptions).toContain("Chinese President");
    expect(entity(story, "Kim Jong-un").descriptions).toContain("North Korean leader");
  });

  it("records each mention as the exact span of its sentence", () => checkMentions(story));
});

describe("entities of a sports report (test/fixtures/engine)", () => {
  const story = ingestText(read("fixtures/engine/coastal-cup-final-2019-04-14.txt"), "cup");

  it("types players and the manager as people, grounds and towns as places, the association as an organisation", () => {
    for (const n of ["Femi Adeyinka", "Greta Lindqvist", "Sam Okafor"]) expect(entity(story, n).type, n).toBe("person");
    for (const n of ["Rowan Park", "Dunmore", "Kestrel Road"]) expect(entity(story, n).type, n).toBe("place");
    expect(entity(story, "Coastal Football Association").type).toBe("organisation");
  });

  it("links a surname and an acronym the article pairs with one full name", () => {
    expect(entity(story, "Greta Lindqvist").aliases).toEqual(["Lindqvist"]);
    const cfa = entity(story, "Coastal Football Association");
    expect(cfa.aliases).toEqual(["CFA"]);
    expect(cfa.mentions).toHaveLength(3);
  });

  it("takes a role before a name as its description", () => {
    expect(entity(story, "Greta Lindqvist").descriptions).toContain("Harbour Athletic manager");
    expect(entity(story, "Sam Okafor").descriptions).toContain("Rovers goalkeeper");
  });

  it("records each mention as the exact span of its sentence", () => checkMentions(story));

  it("types a player named after 'from' with a person appositive as a person", () => {
    expect(entity(story, "Callum Reid").type).toBe("person");
  });

  it("does not take a sentence-opening role noun into the name (Striker Tomasz Wieczorek)", () => {
    expect(entity(story, "Tomasz Wieczorek").type).toBe("person");
  });
});

describe("entities of a council report (test/fixtures/engine)", () => {
  const story = ingestText(read("fixtures/engine/lindenfeld-tram-vote-2021-11-04.txt"), "tram");

  it("types office holders, bodies and places", () => {
    for (const n of ["Helena Brandt", "Tobias Reuter"]) expect(entity(story, n).type, n).toBe("person");
    for (const n of ["Lindenfeld City Council", "Civic Party", "Lindenfeld Transport Authority"]) expect(entity(story, n).type, n).toBe("organisation");
    for (const n of ["Central Station", "Lindenfeld Airport", "Hafen Bridge"]) expect(entity(story, n).type, n).toBe("place");
  });

  it("links Brandt and LTA to their full names", () => {
    expect(entity(story, "Helena Brandt").aliases).toEqual(["Brandt"]);
    expect(entity(story, "Lindenfeld Transport Authority").aliases).toEqual(["LTA"]);
    expect(byForm(story, "LTA")).toHaveLength(1);
  });

  it("takes titles and appositives as descriptions", () => {
    expect(entity(story, "Helena Brandt").descriptions).toContain("Mayor");
    expect(entity(story, "Tobias Reuter").descriptions).toEqual(expect.arrayContaining(["Councillor", "leader of the opposition Civic Party"]));
  });

  it("does not take a sentence-opening common noun into a place name (Residents of Kessel)", () => {
    expect(entity(story, "Kessel").type).toBe("place");
    expect(story.entities.find((e) => e.name === "Residents of Kessel")).toBeUndefined();
  });
});

describe("a role word right before a name", () => {
  const { byName } = storyOf([
    "Harbour hires a manager",
    "The club confirmed the hiring of Premier League veteran Ola Berg on Monday.",
    "Kestrel's mayor told reporters Ilse Brandt would attend the match.",
  ]);

  it("is a description when WordNet reads the word as a person", () => {
    expect(byName("Ola Berg")?.descriptions).toContain("Premier League veteran");
  });

  it("is not one when it is plural and no list of names follows", () => {
    expect(byName("Ilse Brandt")?.descriptions).not.toContain("reporters");
  });
});

describe("entities of other articles", () => {
  const bridge = ingestText(
    [
      "A new bridge for Ostrava",
      "PRAGUE, Sept 1, 2022, The Prague Daily. Dr. Jana Novakova, the chief engineer of the Moravian Bridge Company, said on Thursday that the new bridge in Ostrava would open in 2024.",
      "The state will pay for most of the work, Novakova said.",
      "Prime Minister Petr Fiala visited the site in Ostrava with Mayor Tomas Macura.",
      "The bridge will cross the Oder River near the border with Poland.",
    ].join("\n\n"),
    "bridge",
  );

  it("types a titled engineer, politicians, a company, a town, a river and a country", () => {
    for (const n of ["Jana Novakova", "Petr Fiala", "Tomas Macura"]) expect(entity(bridge, n).type, n).toBe("person");
    expect(entity(bridge, "Moravian Bridge Company").type).toBe("organisation");
    for (const n of ["Ostrava", "Oder River", "Poland"]) expect(entity(bridge, n).type, n).toBe("place");
  });

  it("strips titles from names and keeps them, and appositives, as descriptions", () => {
    expect(bridge.entities.map((e) => e.name)).not.toContain("Dr. Jana Novakova");
    expect(entity(bridge, "Jana Novakova").descriptions).toContain("chief engineer of the Moravian Bridge Company");
    expect(entity(bridge, "Jana Novakova").aliases).toEqual(["Novakova"]);
    expect(entity(bridge, "Petr Fiala").descriptions).toContain("Prime Minister");
    expect(entity(bridge, "Tomas Macura").descriptions).toContain("Mayor");
  });

  it("records each mention as the exact span of its sentence", () => checkMentions(bridge));

  it("leaves a short form unlinked when it fits two full names", () => {
    const story = ingestText(
      [
        "Siblings receive the envoy",
        "SEOUL, May 3, 2021 (Yonhap) — Kim Jong-un and his sister Kim Yo-jong received the Chinese envoy in Pyongyang on Monday.",
        "Kim said the talks were useful, according to state media.",
      ].join("\n\n"),
      "siblings",
    );
    expect(entity(story, "Kim Jong-un").aliases).not.toContain("Kim");
    expect(entity(story, "Kim Yo-jong").aliases).not.toContain("Kim");
    expect(byForm(story, "Kim").map((e) => e.name)).toEqual(["Kim"]);
  });

  it("links a family name to the person when the other names holding it are a company or a place named after them", () => {
    const story = ingestText(read("fixtures/engine/halibut-prices-2019-04-28.txt"), "halibut");
    expect(entity(story, "Tyler Varnell").aliases).toContain("Varnell");
    expect(byForm(story, "Varnell").map((e) => e.name)).toEqual(["Tyler Varnell"]);
  });

  it("links an acronym only when exactly one full name has its initials", () => {
    const story = ingestText(
      [
        "Agencies share initials",
        "LONDON, June 9, 2022 (Reuters) — The National Crime Agency and the Northern Cycling Association both sign their letters NCA.",
        "The NCA said on Thursday it would change its logo.",
        "The World Health Organization (WHO) praised the plan, while the IMF declined to comment.",
        "Officials at the WHO said the plan was a model for other countries.",
      ].join("\n\n"),
      "acronyms",
    );
    expect(entity(story, "National Crime Agency").aliases).toEqual([]);
    expect(entity(story, "Northern Cycling Association").aliases).toEqual([]);
    expect(byForm(story, "NCA").map((e) => e.name)).toEqual(["NCA"]);
    const who = entity(story, "World Health Organization");
    expect(who.aliases).toEqual(["WHO"]);
    expect(who.type).toBe("organisation");
    // an acronym no full name explains stays an entity of its own
    expect(entity(story, "IMF").aliases).toEqual([]);
  });

  const bodies = ingestText(
    [
      "Ministry commissions a road study",
      "The Ministry of Transport said on Friday that the University of Leeds would study the road.",
      "Officials at the Ministry of Transport met students from the University of Leeds in Leeds.",
    ].join("\n\n"),
    "bodies",
  );

  it("types 'Ministry of Transport' as an organisation", () => {
    expect(entity(bodies, "Ministry of Transport").type).toBe("organisation");
  });

  it("does not fold the city 'Leeds' into 'University of Leeds'", () => {
    expect(entity(bodies, "University of Leeds").aliases).not.toContain("Leeds");
    expect(entity(bodies, "Leeds").type).toBe("place");
  });

  // engine bug: "Park" as the last word votes for a place more than "…, who run" votes for people
  it.fails("types people whose surname is a place head word (Anna Park) as people", () => {
    const story = ingestText("Food bank doubles its meals\n\nAnna Park and David Park, who run the Seoul Food Bank, handed out meals on Tuesday.", "park");
    expect(entity(story, "Anna Park").type).toBe("person");
    expect(entity(story, "David Park").type).toBe("person");
  });
});

describe("entities of a local news report (test/fixtures)", () => {
  const story = ingestText(read("fixtures/ashford-bridge-2023-05-12.txt"), "ashford");

  it("keeps a name whole across 'of' after an organisation's head word, '&' and a title-case word wink takes for a verb", () => {
    expect(entity(story, "Vermont Agency of Transportation").type).toBe("organisation");
    expect(entity(story, "Stone & Timber Engineering").type).toBe("organisation");
    expect(entity(story, "Miller Creek Covered Bridge").type).toBe("place");
    for (const part of ["Transportation", "Stone", "Timber Engineering", "Miller Creek", "Bridge"]) expect(byForm(story, part), part).toEqual([]);
    checkMentions(story);
  });

  it("types a storm as neither place nor person, and 'the town of X' as a place", () => {
    expect(entity(story, "Tropical Storm Irene").type).toBe("other");
    expect(entity(story, "Ashford").type).toBe("place");
  });
});

describe("a common noun before a name", () => {
  it("types the name by what WordNet files the noun under", () => {
    const story = ingestText("Report\n\nThe paper appeared in the journal Nature Microbiology. Nordwind tried to buy the firm Zeewind, said engineer Mads Kjeldsen.", "n");
    expect(entity(story, "Nature Microbiology").type).toBe("other");
    expect(entity(story, "Zeewind").type).toBe("organisation");
    expect(entity(story, "Mads Kjeldsen").type).toBe("person");
  });
});

describe("titles and honorifics of news copy", () => {
  const story = ingestText(
    "Talks resume\n\nHARARE, May 4, 2021 (Wire) - Zimbabwe President Tendai Moyo met the envoys on Monday. Mr Moyo said the talks would go on. Moyo, 61, has led the country since 2017. Dr. Farai Chirwa, the health minister, and Dr. Chirwa's deputy stayed in Zimbabwe. Finance Minister Rudo Banda left for talks.",
    "talks",
  );

  it("takes a country before a title for part of the title, not of the name", () => {
    const moyo = entity(story, "Tendai Moyo");
    expect(moyo.type).toBe("person");
    expect(moyo.descriptions).toContain("Zimbabwe President");
    expect(entity(story, "Zimbabwe").type).toBe("place");
  });

  it("takes the word naming an office before a title into the title", () => {
    expect(entity(story, "Rudo Banda").descriptions).toContain("Finance Minister");
  });

  it("links an honorific and a family name to the one full name it fits", () => {
    expect(byForm(story, "Mr Moyo").map((e) => e.name)).toEqual(["Tendai Moyo"]);
    expect(byForm(story, "Moyo").map((e) => e.name)).toEqual(["Tendai Moyo"]);
    expect(entity(story, "Tendai Moyo").mentions).toHaveLength(3);
  });

  it("records each mention as the exact span of its sentence", () => checkMentions(story));
});

describe("names written with letters beyond Latin-1", () => {
  const { story, byName } = storyOf([
    "WHANGĀREI, New Zealand — Tribal elder Hōri Pārata led the ceremony at Whangārei on Tuesday, officials said.",
    "Pārata, who has buried hundreds of whales, said the strandings worried local Māori.",
    "Later he met Recep Tayyip Erdoğan, the Turkish president, in Łódź.",
  ]);

  it("finds them whole and types them", () => {
    expect(byName("Hōri Pārata")?.type).toBe("person");
    expect(byName("Hōri Pārata")?.aliases).toContain("Pārata");
    expect(byName("Recep Tayyip Erdoğan")?.type).toBe("person");
    expect(byName("Łódź")?.type).toBe("place");
    expect(story.entities.map((e) => e.name).filter((n) => /^(?:Whang|H|P|ata|rata|M|ori|Erdo|an)$/.test(n))).toEqual([]);
  });

  it("records each mention as the exact span of its sentence", () => checkMentions(story));
});

describe("names inside longer names", () => {
  const { story, byName } = storyOf([
    "KHARTOUM, Sudan — The United States will lift sanctions on Sudan, officials said on Friday, after talks with South Sudan stalled.",
    "Sudan has long been accused of sheltering militants, and the U.S. Embassy in Khartoum will reopen.",
    "The Seattle-based Pacific Fisheries Commission and the Kroger-owned grocer Harbor Foods backed the move, as did a London-based rights group.",
    "The Paris Motor Show opened, and Paris welcomed visitors.",
    "Officials from North Korea and South Korea met reporters from the Korea Herald, and Korea was the subject.",
  ]);

  it("does not take a place named alone for short of a longer name that holds it", () => {
    expect(byName("Sudan")?.type).toBe("place");
    expect(byName("Sudan")?.mentions.length).toBe(2);
    expect(byName("South Sudan")?.aliases).not.toContain("Sudan");
    expect(byName("Paris")?.type).toBe("place");
    expect(byName("Paris Motor Show")?.aliases ?? []).not.toContain("Paris");
    expect(byName("Korea Herald")?.aliases ?? []).not.toContain("Korea");
  });

  it("ends a name at \"-based\" and \"-owned\": what comes before is a name of its own", () => {
    expect(byName("Pacific Fisheries Commission")?.type).toBe("organisation");
    expect(byName("Seattle")).toBeDefined();
    expect(byName("Kroger")).toBeDefined();
    expect(byName("London")?.type).toBe("place");
    expect(story.entities.map((e) => e.name).filter((n) => /-(?:based|owned)/.test(n))).toEqual([]);
  });

  it("records each mention as the exact span of its sentence", () => checkMentions(story));
});

describe("companies and people after a preposition", () => {
  const { byName } = storyOf([
    "Norvik Media agreed to the sale of its web business to Tellaro, the companies said on Monday.",
    "The unit will be sold to Tellaro by March, and a breakup fee of $145 million is payable to Tellaro.",
    "Analysts compared the deal with Brevan's buyout in 2013 and with rivals such as Kestmart.",
    "The initiative came from Dana Whitcombe's office, and a letter was sent to Ashford.",
  ]);

  it("takes a name that things are sold to, or that has a buyout or rivals, for an organisation", () => {
    expect(byName("Tellaro")?.type).toBe("organisation");
    expect(byName("Brevan")?.type).toBe("organisation");
    expect(byName("Kestmart")?.type).toBe("organisation");
  });

  it("gives the preposition before a possessive to the possessed noun, not to the name", () => {
    expect(byName("Dana Whitcombe")?.type).toBe("person");
    expect(byName("Ashford")?.type).toBe("place");
  });
});

describe("lists and named documents", () => {
  const { byName } = storyOf([
    "Culture night",
    "The evening recalled the paintings of Ana Varga, the novels of Petra Holm, and the songs of Ivo Marek.",
    "MPs will debate Data Retention Bill amendments next week, and Velmar Motor Show visitors arrive on Friday. Senator Bill Carver opposes the amendments.",
  ]);

  it("does not take the next item of a list for a name's description", () => {
    expect(byName("Petra Holm")?.descriptions).toEqual([]);
    expect(byName("Ana Varga")?.descriptions).toEqual([]);
  });

  it("takes a bill or a show for neither a person nor a place, and leaves a Bill who is a person alone", () => {
    expect(byName("Data Retention Bill")?.type).toBe("other");
    expect(byName("Velmar Motor Show")?.type).toBe("other");
    expect(byName("Bill Carver")?.type).toBe("person");
  });
});

describe("companies by what they own and have, people by their age, things by their last word", () => {
  const { story, byName } = storyOf([
    "Shoppers at Tarvo-owned Linden Grocers paid less this spring, and the Halvard brokerage said prices at Merrow fell.",
    "Tarvo founder Ilse Brandt told reporters that Tarvo shares rose, as companies like Merrow cut prices and cities such as Calloway taxed them.",
    "Retail CEO Paulo Ferrante spoke first. Market Research estimated the cost, and Ocean Harvest Seafood withdrew.",
    "Mirela Sandoval, 34, was named on Tuesday.",
    "Depots in Port Arvel and Castomere closed, staff from Corvane Holdings and Islay said, and a letter to Brannock went unanswered.",
    "The Bill would limit exports. Amending this Bill needs a vote.",
    "Tarvo Japan will sell its stake, and Tarvo welcomed the sale.",
    "Prices fell 4 percent, according to Brenlow Analytics, double the fall in 2022. Hikers reached Mount Varnel and Boulevard Ostrand.",
  ]);

  it("takes a name that owns the next one, or has shares, a founder or a brokerage, for an organisation", () => {
    expect(byName("Tarvo")?.type).toBe("organisation");
    expect(byName("Halvard")?.type).toBe("organisation");
  });

  it("types a name by the noun it is an example of", () => {
    expect(byName("Merrow")?.type).toBe("organisation");
    expect(byName("Calloway")?.type).toBe("place");
  });

  it("strips a chief executive's title and takes an age in commas for a person's", () => {
    expect(byName("Paulo Ferrante")?.type).toBe("person");
    expect(byName("Mirela Sandoval")?.type).toBe("person");
  });

  it("gives the second of two joined names the kind of the first", () => {
    expect(byName("Castomere")?.type).toBe("place");
    expect(byName("Islay")?.type).toBe("organisation");
  });

  it("takes whom a letter goes to for a person, and \"the Bill\" for neither a person nor a place", () => {
    expect(byName("Brannock")?.type).toBe("person");
    expect(byName("Bill")?.type).toBe("other");
  });

  it("takes the source of a report for no place, and an aside after it for no description", () => {
    expect(byName("Brenlow Analytics")?.type).not.toBe("place");
    expect(byName("Brenlow Analytics")?.descriptions).toEqual([]);
  });

  it("takes a name opened by a place word for a place", () => {
    expect(byName("Mount Varnel")?.type).toBe("place");
    expect(byName("Boulevard Ostrand")?.type).toBe("place");
  });

  it("does not take a company for short of its branch in a country", () => {
    expect(byName("Tarvo Japan")?.aliases).not.toContain("Tarvo");
  });

  it("does not take a name ending in a word that is never a name for a person", () => {
    expect(byName("Market Research")?.type).not.toBe("person");
    expect(byName("Ocean Harvest Seafood")?.type).not.toBe("person");
  });

  it("records each mention as the exact span of its sentence", () => checkMentions(story));
});

describe("descriptions and names of quoted sources", () => {
  const story = ingestText(
    [
      "Harbour fleet ages",
      "The ferry, which Rossi co-owns with Sean McAllister, sails daily from the old pier.",
      "“We sail at dawn,” Rossi said.",
      "“It is older than the pier,” said Lena Ostrova, a historian at Tallin College whose research covers ports.",
      "The fares were set by Ivo Brandt, president of Oslo-based Nordlys Ferries, the largest operator on the coast.",
      "“We will wait for the council,” said Mara Feld, who heads the Dock Workers Union.",
    ].join("\n\n"),
    "harbour-fleet",
  );
  const described = (name: string) => entityNamed(story, name)?.descriptions;

  it("ends a description where a relative clause begins, and reads a hyphened participle as part of it", () => {
    expect(described("Lena Ostrova")).toContain("historian at Tallin College");
    expect(described("Ivo Brandt")).toContain("president of Oslo-based Nordlys Ferries");
  });

  it("takes the relative clause after a quote's source as the source's description, though it ends the sentence", () => {
    expect(described("Mara Feld")).toContain("heads the Dock Workers Union");
  });

  it("types as people a name with an inner capital and a name before a prefixed verb", () => {
    expect(entityNamed(story, "Sean McAllister")?.type).toBe("person");
    expect(entityNamed(story, "Rossi")?.type).toBe("person");
  });
});

describe("descriptions that open with a name, and given names the tagger reads as verbs", () => {
  const story = ingestText(
    [
      "Ferry strike talks",
      "“The talks have failed,” said Ines Morta, Velmar branch secretary for the Dock Workers Union, a Kessel-based trade union.",
      "The operator's view came from Nils Aro, Nordlys Ferries' chief executive, in Velmar, Valdoria, on Tuesday.",
      "From the bridge of his ferry, skipper Wade Lund watched the pickets with Hanna Berg, Rolf Dahl and Ada Nyström.",
      "The union's former security chief Ivo Pell was not there.",
      "Tomas Vik, one of the leading voices on trade, backed the strike, as did Mr. Vik's colleague Ola Rud, a senior fellow at the Nordic Centre for Maritime and Labour Studies at Velmar University.",
      "They met Valdoria’s president, Anton Meri, on Friday.",
    ].join("\n\n"),
    "ferry-strike",
  );
  const described = (name: string) => entityNamed(story, name)?.descriptions ?? [];

  it("takes a role held somewhere named as the description, and a description headed by a word for an organisation as its type", () => {
    expect(described("Ines Morta")).toContain("Velmar branch secretary for the Dock Workers Union");
    expect(described("Nils Aro")).toContain("Nordlys Ferries' chief executive");
    expect(entityNamed(story, "Dock Workers Union")?.type).toBe("organisation");
  });

  it("takes one of a kind, a long name inside a description, and a role a possessive name opens before the name", () => {
    expect(described("Tomas Vik")).toContain("one of the leading voices on trade");
    expect(described("Ola Rud")).toContain("senior fellow at the Nordic Centre for Maritime and Labour Studies at Velmar University");
    expect(described("Anton Meri")).toContain("Valdoria’s president");
    expect(entityNamed(story, "Anton Meri")?.type).toBe("person");
  });

  it("takes no list of names nor a place's country for a description", () => {
    expect(described("Velmar")).toEqual([]);
    expect(described("Hanna Berg")).toEqual([]);
  });

  it("reads a capitalised word tagged as a verb before a surname as the given name", () => {
    expect(entityNamed(story, "Wade Lund")?.type).toBe("person");
    expect(described("Wade Lund")).toContain("skipper");
    expect(described("Ivo Pell")).toContain("former security chief");
  });
});

describe("titles of offices", () => {
  const story = ingestText(
    [
      "Surveillance bill",
      "The team included Justin Rowe, who advises Attorney-General Ilse Brandt, and Valdorian Federal Police Commissioner Anton Colvin.",
      "Vice-President Ana Ruiz and Harbour Freight Company Chief Executive Mara Quint spoke after them.",
    ].join("\n\n"),
    "bill",
  );

  it("takes off a title joined by a hyphen and an office of several words before a title", () => {
    expect(entityNamed(story, "Ilse Brandt")?.descriptions).toContain("Attorney-General");
    expect(entityNamed(story, "Ana Ruiz")?.descriptions).toContain("Vice-President");
    expect(entityNamed(story, "Anton Colvin")?.descriptions).toContain("Valdorian Federal Police Commissioner");
    expect(entityNamed(story, "Mara Quint")?.descriptions).toContain("Harbour Freight Company Chief Executive");
    for (const name of ["Ilse Brandt", "Ana Ruiz", "Anton Colvin", "Mara Quint"]) expect(entityNamed(story, name)?.type).toBe("person");
  });
});

describe("a nickname the story writes in quotation marks", () => {
  const { story, byName } = storyOf([
    "Palace siege",
    "HARARE, Nov 16 (Coast Wire) - President Tobias Marange and his wife Grace are under house arrest at the palace, a source said.",
    "There is little public affection for Grace, a former typist. Dubbed “Gucci Grace” on account of her love of shopping, she rose fast through the ruling party.",
  ]);

  it("is not the full name the person's own name is short for", () => {
    expect(byName("Grace")?.type).toBe("person");
    expect(byName("Grace")?.mentions.length).toBe(2);
    expect(byName("Gucci Grace")?.aliases ?? []).not.toContain("Grace");
    checkMentions(story);
  });
});
