/** Word pools for the library generator. Names and titles are invented; shapes follow the captured items. */
export const FIRST_NAMES = [
  "Ada",
  "Brandon",
  "Chloe",
  "Dmitri",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Liam",
  "Mara",
  "Nils",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
] as const;
export const LAST_NAMES = [
  "Abbott",
  "Brenner",
  "Castillo",
  "Dahl",
  "Eriksen",
  "Fontaine",
  "Gallo",
  "Hartmann",
  "Ivanova",
  "Jansen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Quint",
  "Rahman",
  "Sato",
  "Thorne",
] as const;
export const TITLE_WORDS_A = [
  "Silent",
  "Hidden",
  "Last",
  "Crimson",
  "Broken",
  "Golden",
  "Endless",
  "Forgotten",
  "Burning",
  "Quiet",
  "Shattered",
  "Wandering",
] as const;
export const TITLE_WORDS_B = [
  "Kingdom",
  "Orchard",
  "Signal",
  "Harbor",
  "Engine",
  "Library",
  "Garden",
  "Frontier",
  "Archive",
  "Tide",
  "Citadel",
  "Compass",
] as const;
export const NON_LATIN_TITLES = [
  "静かな海の物語",
  "Тихий Дон: Книга первая",
  "أسرار المدينة القديمة",
  "Η Τελευταία Οδύσσεια",
  "三体：地球往事",
  "밤의 도서관",
  "שירת הים",
  "Путешествие на край ночи",
] as const;
export const SERIES_NAMES = [
  "The Stormlight Chronicles",
  "Azarinth Cycle",
  "The Expanse of Night",
  "Harbor Mysteries",
  "The Copper Crown",
  "Chronicles of the Deep",
  "Dungeon Diaries",
  "The Long Road",
] as const;
/** Real-world sequences are strings and not always integers. */
export const SERIES_SEQUENCES = ["1", "2", "3", "2.5", "10", "1-3", ""] as const;
export const PUBLISHERS = [
  "Podium Audio",
  "Portal Books",
  "Audible Studios",
  "Tantor Audio",
  "Brilliance Audio",
  "Independently Published",
] as const;
export const LANGUAGES = [
  "english",
  "english",
  "english",
  "english",
  "german",
  "french",
  "spanish",
  "japanese",
  "italian",
] as const;
export const FORMAT_TYPES = [
  "unabridged",
  "unabridged",
  "unabridged",
  "abridged",
  "original_recording",
] as const;
export const GENRES = [
  { id: "18580606011", name: "Science Fiction & Fantasy", child: { id: "18580607011", name: "Fantasy" } },
  { id: "18580518011", name: "Romance", child: { id: "18580519011", name: "Contemporary" } },
  {
    id: "18574426011",
    name: "Mystery, Thriller & Suspense",
    child: { id: "18574427011", name: "Thriller & Suspense" },
  },
  { id: "18571910011", name: "History", child: { id: "18571911011", name: "Europe" } },
  {
    id: "18572091011",
    name: "Biographies & Memoirs",
    child: { id: "18572092011", name: "Artists, Writers & Musicians" },
  },
] as const;
export const PODCAST_NAMES = [
  "The Daily Listen",
  "Science Hour",
  "Deep Dive Histories",
  "Café Conversations",
] as const;
export const IMAGE_IDS = [
  "51pZyUM49GL",
  "51KQ+4F1OVL",
  "51YE7vf2vzL",
  "51T1NWIkR4L",
  "51cfid7m8gL",
  "41xyZq8AbCL",
] as const;
export const IMAGE_SIZES = ["1215", "408", "360", "882", "315", "570", "252", "558", "900", "500"] as const;
/** Descriptions a client must sanitize before rendering. */
export const HOSTILE_HTML = [
  `<p>A tale of courage.</p><script>alert("xss")</script><p>Unabridged.</p>`,
  `<p>Look: <img src="x" onerror="alert('xss')"> and <b>bold</b> claims.</p>`,
] as const;
