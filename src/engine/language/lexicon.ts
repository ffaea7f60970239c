/**
 * General English cue words used to type proper-noun runs. These describe how English names
 * people, places and organisations; they are not about any particular story.
 */
const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const PLACE_HEADS = words(`County Province City State States Island Islands River Mountain Mountains Mount Lake Sea Ocean Bay
  Gulf Strait Straits Street Avenue Road Square Park Valley District Region Peninsula Airport Station Bridge Stadium Arena
  Desert Forest Canyon Coast Harbor Harbour Port Fort Village Town Township Prefecture Territory Territories Borough Parish
  Beach Falls Hills Hill Highlands Plateau Plain Plains Basin Channel Canal Cape Capital Republic Kingdom Empire Oblast
  Continent Cemetery Palace Cathedral Temple Castle Tower Square Center Centre Field Court Pass Zone Base
  Garden Gardens Theatre Theater Hall Market Hotel Zoo Pier Quay Wharf Dock Plaza Mall Arena Dam Canyon Gate
  Isle Isles Glacier Volcano Reef Lagoon Fjord Creek Springs Heights Ridge Peak Glen Moor Marsh Atoll Archipelago`);

/** Place words written before the name: "Mount Everest", "Lake Tahoe", "Port Moresby", "Rue de Rivoli". */
export const PLACE_OPENERS = words(`Mount Mt Lake Loch Port Fort Cape Isle Boulevard Avenue Rue Via Plaza Piazza Calle`);

export const ORG_HEADS = words(`Agency Army Navy Party Herald Times Post News Tribune Journal Gazette Ministry Department Council
  Committee Commission Company Corporation Corp Inc Ltd Group Holdings University College School Institute Academy Association
  Union Bank Church Foundation Society League Club Team Federation Organization Organisation Office Force Forces Corps Senate
  Congress Parliament Assembly Government Administration Network Service Services Airlines Airways Museum Hospital Bureau Board
  Court Guard Police Authority Fund Trust Press Media Studios Records Broadcasting Channel Alliance Coalition Front Movement
  Brigade Division Regiment Fleet Command Cabinet Secretariat Commission Conference Organization Labs Laboratory Laboratories
  Motors Industries Systems Technologies Partners Capital Ventures Bros Brothers Orchestra Band Conservatory Seminary Diocese
  Engineering Consulting Construction Solutions Energy Electric Pharmaceuticals Associates Logistics Foods Entertainment
  Publishing Software Communications Insurance Airline Railway Railways Ferries Shipping Chamber`);

export const EVENT_HEADS = words(`War Wars Battle Revolution Treaty Accord Accords Agreement Olympics Games Cup Bowl Championship
  Championships Festival Award Awards Prize Act Summit Crisis Uprising Rebellion Massacre Election Tournament Series Open
  Conference Expo Exhibition Armistice Pact Declaration Doctrine Plan Era Dynasty Age Crusade Crusades Conquest
  Reformation Renaissance Invasion Siege Campaign Offensive Expedition Riots Strike Protests Rising Blitz Famine Plague
  Fire Wildfire Flood Floods Earthquake Eruption Disaster Outbreak Pandemic Epidemic Spill Blackout`);

/** Words that, anywhere in a name, make it a storm: "Tropical Storm Irene", "Hurricane Katrina". */
export const STORM_WORDS = words(`Storm Hurricane Typhoon Cyclone`);

/** Honorifics and offices written before a person's name. */
export const TITLES = words(`President Vice Prime Minister Chairman Chairwoman Chair Secretary General Gen Gen. Sen Sen. Senator
  Rep Rep. Representative Governor Gov Gov. Mayor King Queen Prince Princess Pope Saint St St. Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss
  Sir Lord Lady Dame Comrade Chancellor Premier Leader Ambassador Judge Justice Captain Capt Capt. Col Col. Colonel Lt Lt.
  Lieutenant Major Admiral Adm Adm. Sgt Sgt. Sergeant Professor Prof Prof. Rev Rev. Reverend Father Bishop Archbishop Cardinal
  Emperor Empress Chief Coach Deputy Crown Sheikh Marshal Field Commander Commissioner Director Officer Agent Detective
  Inspector Chief Chairperson Speaker Attorney Councillor Councilman Councilwoman Duke Duchess Earl Count Countess Baron
  Baroness Tsar Czar Sultan Emir Shah Khan Rabbi Imam Brother Sister Mother Elder Apostle Prophet Pharaoh Consul
  Sheriff Superintendent Constable Trooper Warden Dean Provost Alderman Alderwoman Magistrate Pastor Coroner CEO CFO COO`);

/** Roads are named by a word and a number: "Route 26", "Highway 97", "Interstate 5". */
export const ROAD_WORDS = words(`Route Highway Interstate Motorway Freeway Expressway Road Autobahn`);

/** Heads after which "of" continues the same name ("University of Chicago", "Bank of England"). */
export const OF_HEADS = words(`University Bank Republic Kingdom Department Ministry Church Museum Institute College School Duke King
  Queen Prince Princess Earl Bishop Archbishop Secretary Minister House Court Council Board Academy Society Order Battle Siege
  Treaty Gulf Bay Isle Cape Lake Mount City Federation Union Commonwealth Office Bureau Chamber Tower Palace Cathedral Sea
  Strait Port Fort Cup Book Gospel Emperor Empress Sultan Shah Archduke Grand Bill Act Statue Temple Tomb Library Declaration
  Province State States Isle Isles Islands Straits Governor Mayor Council Congress President Chancellor Basilica Abbey`);

/** Relational nouns of an appositive that marks a person ("the eldest son of …"). */
export const PERSON_NOUNS = words(`son daughter wife husband father mother brother sister uncle aunt nephew niece cousin widow grandson
  granddaughter grandfather grandmother founder co-founder leader president minister chairman chief head director ruler king queen
  emperor general officer commander spokesman spokeswoman spokesperson author writer poet composer painter artist singer actor
  actress player coach manager owner ceo executive politician diplomat ambassador envoy scientist physicist chemist professor
  student teacher lawyer judge priest bishop pope monk soldier pilot engineer inventor philosopher historian journalist editor
  reporter member partner successor predecessor heir friend rival colleague adviser advisor aide secretary governor mayor senator
  premier chancellor lawmaker candidate champion winner quarterback captain architect designer founder mathematician economist
  explorer missionary saint apostle prophet theologian official resident citizen worker voter fan supporter protester
  activist villager farmer victim survivor witness volunteer troop passenger customer employee lawmaker legislator
  delegate envoy minister councillor councilor officer crew team staff`);

/** Verbs of speech and action that follow a person as subject. */
export const PERSON_VERBS = words(`said says told added stressed noted claimed argued wrote insisted explained announced asked replied
  recalled warned urged acknowledged admitted denied believed thought felt wanted`);

/** A possessive ending, as the tokenizer splits it off: "Kim's", "the soldiers'". */
export const POSSESSIVE = /^['’]s?$/;

export const PLACE_PREPOSITIONS = words(`in at to from near across throughout into inside outside around toward towards via through within`);
/** Of those, the ones that as often name whom something goes to or comes from: "sold to Verizon", "a letter to Abbott". */
export const RECIPIENT_PREPOSITIONS = words(`to from at toward towards via through`);

/** What a company has or is party to: "a sale to Verizon", "Dell's buyout", "rivals such as Walmart". */
export const BUSINESS_WORDS = words(`business businesses sale sales sold payable buyout takeover acquisition acquired merger deal fee fees subsidiary subsidiaries
  shareholders shareholder shares stock stake assets customers shoppers competitors rivals brokerage stores products brand
  brands ceo executives board earnings revenue revenues profit profits prices bid offer investors suppliers`);

/** A company's own, when its name stands before them: "Amazon founder Jeff Bezos", "the D.A. Davidson brokerage", "Tesla shares". */
export const COMPANY_MODIFIED = words(`ceo executives shareholders shares stock earnings revenue revenues profit profits acquisition
  takeover buyout merger subsidiary brokerage founder founders cofounder co-founder`);

/** What only a person has: "Abbott's wife", "Mugabe's lawyer". */
export const PERSONAL_NOUNS = words(`son daughter wife husband father mother brother sister widow children parents family lawyer
  attorney aides predecessor successor funeral birthday memoir`);

/** Prepositions that may also open a place phrase once dates are ruled out: "on the bridge", "along the river". */
export const PLACE_PHRASE_PREPOSITIONS = new Set([...PLACE_PREPOSITIONS, ...words(`on onto along beside beneath under over off behind beyond`)]);

export const NATIONALITY_ENDING = /(?:an|ese|ish|ic|i|ch|er)$/;

/** Agent nouns name people by what they do: scorer, goalkeeper, minister, economist. */
export const AGENT_NOUN = /^[a-z]{3,}(?:er|or|ist|ian)s?$/;

/** Nouns of an appositive that marks a place ("Kessel, a village east of the city"). */
export const PLACE_NOUNS = words(`village town city capital country nation state province county region district island river lake
  mountain valley suburb neighbourhood neighborhood port harbour harbor area territory republic kingdom municipality borough
  settlement peninsula coast desert`);

/** Verbs that say little of their own: "when did it happen?", "where is it located?" ask no predicate of the story. */
export const LIGHT_VERBS = words(`happen occur go come become take do make get have be say tell mean use put set give keep
  locate situate base find hold lie stand sit`);
