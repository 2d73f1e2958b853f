/**
 * A deterministic, clearly SYNTHETIC Kinline dataset for load tests, demos and pattern-query tests.
 *
 * Everything it makes is invented, apart from the real places used as anchors (Xinjiang
 * prefectures and cities, Kazakhstan-China border crossings, with approximate coordinates).
 * The dataset and every entity and relationship carry `synthetic: true`; every source title starts
 * with "[SYNTHETIC]"; excerpts never contain a person's name or id, so a protected person cannot
 * leak through a quoted claim.
 *
 * Same input -> byte-identical output: one seeded PRNG (mulberry32) drives every choice, and no
 * clock, Map iteration order over unordered keys, or locale-dependent call is used.
 */
import type {
  Claim,
  Dataset,
  Entity,
  EventRecord,
  Name,
  PersonRecord,
  Relationship,
  RelationshipType,
  SourceRecord,
} from '../graph/schema/index.js';
import { ENTITY } from '../graph/vocabulary/entity-types.js';
import { MONTH_NAMES } from '../graph/dates/phrase.js';

export interface GenerateOptions {
  /** Exact number of Person entities. */
  people: number;
  /** PRNG seed; default 1. */
  seed?: number;
}

type FacilityRecord = Extract<Entity, { type: typeof ENTITY.Facility }>;
type PlaceRecord = Extract<Entity, { type: typeof ENTITY.Place }>;
type FamilyRecord = Extract<Entity, { type: typeof ENTITY.Family }>;
type OrganisationRecord = Extract<Entity, { type: typeof ENTITY.Organisation }>;
type EventKind = EventRecord['kind'];
type Lang = 'en' | 'ru' | 'kk';

// ---------------------------------------------------------------------------------------------
// PRNG and small helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi], inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Index drawn with the given (cumulative) weights. */
  weighted(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

const cumulate = (weights: readonly number[]): number[] => {
  let sum = 0;
  return weights.map((w) => (sum += w));
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Dates are whole days since 1970-01-01 (UTC).
const DAY_MS = 86_400_000;
const day = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
function ymd(days: number): [number, number, number] {
  const date = new Date(days * DAY_MS);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}
const isoDay = (days: number) => {
  const [y, m, d] = ymd(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
};
const isoMonth = (days: number) => isoDay(days).slice(0, 7);
/** Months since 1900 for a day; a table lookup, since it is asked for every excerpt. */
const MONTH_TABLE_FROM = Math.floor(Date.UTC(1900, 0, 1) / DAY_MS);
const MONTH_TABLE = (() => {
  const to = Math.floor(Date.UTC(2040, 0, 1) / DAY_MS);
  const table = new Int32Array(to - MONTH_TABLE_FROM);
  for (let y = 1900, i = 0; y < 2040; y++) {
    for (let m = 0; m < 12; m++) {
      const end = Math.floor(Date.UTC(y, m + 1, 1) / DAY_MS) - MONTH_TABLE_FROM;
      for (; i < end; i++) table[i] = (y - 1900) * 12 + m;
    }
  }
  return table;
})();
const monthKey = (days: number): number =>
  days >= MONTH_TABLE_FROM && days - MONTH_TABLE_FROM < MONTH_TABLE.length ? MONTH_TABLE[days - MONTH_TABLE_FROM]! : -1;
const yearOf = (days: number) => ymd(days)[0];
/** Seasons in EDTF level 1: 21 spring, 22 summer, 23 autumn (winter spans two years: month). */
const season = (days: number) => {
  const [y, m] = ymd(days);
  if (m <= 2 || m === 12) return isoMonth(days);
  return `${y}-${m <= 5 ? 21 : m <= 8 ? 22 : 23}`;
};

/** A single date at a varied precision, as sources give them. */
function fuzzyDate(rng: Rng, days: number, exactShare = 0.55): string {
  const x = rng.next();
  if (x < exactShare) return isoDay(days);
  if (x < exactShare + 0.2) return isoMonth(days);
  if (x < exactShare + 0.3) return `${isoMonth(days)}~`;
  if (x < exactShare + 0.37) return `${isoDay(days)}?`;
  return `${isoMonth(days)}?`;
}

const MONTHS_EN = MONTH_NAMES;
const MONTHS_RU_IN = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];
const monthYearEn = (days: number) => `${MONTHS_EN[ymd(days)[1] - 1]} ${yearOf(days)}`;
const monthYearRu = (days: number) => `в ${MONTHS_RU_IN[ymd(days)[1] - 1]} ${yearOf(days)} года`;

// ---------------------------------------------------------------------------------------------
// Names. [Latin, Cyrillic, Arabic script (Uyghur orthography), Chinese transliteration]

type NameRow = readonly [string, string, string, string];

const KAZAKH_MALE: readonly NameRow[] = [
  ['Erlan', 'Ерлан', 'ئەرلان', '叶尔兰'],
  ['Nurlan', 'Нұрлан', 'نۇرلان', '努尔兰'],
  ['Serik', 'Серік', 'سېرىك', '赛力克'],
  ['Askar', 'Асқар', 'ئاسقار', '阿斯卡尔'],
  ['Bakhyt', 'Бақыт', 'باقىت', '巴合提'],
  ['Kairat', 'Қайрат', 'قايرات', '凯拉特'],
  ['Marat', 'Марат', 'مارات', '马拉提'],
  ['Nurbol', 'Нұрбол', 'نۇربول', '努尔波力'],
  ['Zhanibek', 'Жәнібек', 'جانىبەك', '加尼别克'],
  ['Arman', 'Арман', 'ئارمان', '阿尔曼'],
  ['Daulet', 'Дәулет', 'داۋلەت', '道来提'],
  ['Yerbol', 'Ербол', 'ئەربول', '叶尔波力'],
  ['Kanat', 'Қанат', 'قانات', '哈那提'],
  ['Bolat', 'Болат', 'بولات', '波拉提'],
  ['Murat', 'Мұрат', 'مۇرات', '木拉提'],
  ['Sultan', 'Сұлтан', 'سۇلتان', '苏力坦'],
  ['Kasym', 'Қасым', 'قاسىم', '哈斯木'],
  ['Amanbek', 'Аманбек', 'ئامانبەك', '阿曼别克'],
  ['Zharkyn', 'Жарқын', 'جارقىن', '加尔肯'],
  ['Talgat', 'Талғат', 'تالغات', '塔力哈提'],
];
const KAZAKH_FEMALE: readonly NameRow[] = [
  ['Aygul', 'Айгүл', 'ئايگۈل', '阿依古丽'],
  ['Gulnar', 'Гүлнар', 'گۈلنار', '古丽娜尔'],
  ['Sayragul', 'Сайрагүл', 'سايراگۈل', '萨依拉古丽'],
  ['Zhanar', 'Жанар', 'جانار', '加娜尔'],
  ['Asel', 'Әсел', 'ئاسەل', '阿赛勒'],
  ['Madina', 'Мәдина', 'مەدىنە', '麦迪娜'],
  ['Aliya', 'Әлия', 'ئالىيە', '阿丽亚'],
  ['Dina', 'Дина', 'دىنا', '迪娜'],
  ['Nursulu', 'Нұрсұлу', 'نۇرسۇلۇ', '努尔苏鲁'],
  ['Gulzhan', 'Гүлжан', 'گۈلجان', '古丽娟'],
  ['Ainur', 'Айнұр', 'ئاينۇر', '阿依努尔'],
  ['Bakytgul', 'Бақытгүл', 'باقىتگۈل', '巴合提古丽'],
  ['Saule', 'Сәуле', 'ساۋلە', '萨吾列'],
  ['Raushan', 'Раушан', 'راۋشان', '劳山'],
  ['Zhuldyz', 'Жұлдыз', 'جۇلدىز', '居勒德孜'],
  ['Kulpan', 'Құлпан', 'قۇلپان', '库勒潘'],
];
const UYGHUR_MALE: readonly NameRow[] = [
  ['Mehmet', 'Мәмәт', 'مەھمەت', '买买提'],
  ['Abdurehim', 'Абдурехим', 'ئابدۇرېھىم', '阿不都热合木'],
  ['Tursun', 'Турсун', 'تۇرسۇن', '吐尔逊'],
  ['Adil', 'Адил', 'ئادىل', '阿迪力'],
  ['Ablikim', 'Абликим', 'ئابلىكىم', '阿不力克木'],
  ['Ilham', 'Илһам', 'ئىلھام', '伊力哈木'],
  ['Erkin', 'Әркин', 'ئەركىن', '艾尔肯'],
  ['Ekber', 'Әкбәр', 'ئەكبەر', '艾克拜尔'],
  ['Perhat', 'Пәрһат', 'پەرھات', '帕尔哈提'],
  ['Memtimin', 'Мәмтимин', 'مەمتىمىن', '买买提明'],
  ['Yusup', 'Юсуп', 'يۇسۇپ', '玉素甫'],
  ['Rozi', 'Рози', 'روزى', '肉孜'],
  ['Nurmemet', 'Нурмәмәт', 'نۇرمەمەت', '努尔买买提'],
  ['Abdulla', 'Абдулла', 'ئابدۇللا', '阿不都拉'],
  ['Qurban', 'Курбан', 'قۇربان', '库尔班'],
];
const UYGHUR_FEMALE: readonly NameRow[] = [
  ['Mihrigul', 'Михригүл', 'مىھرىگۈل', '米日古丽'],
  ['Gulbahar', 'Гүлбаһар', 'گۈلباھار', '古丽巴哈尔'],
  ['Zumret', 'Зумрәт', 'زۇمرەت', '祖木热提'],
  ['Patigul', 'Пәтигүл', 'پاتىگۈل', '帕提古丽'],
  ['Rahile', 'Раһилә', 'راھىلە', '热依拉'],
  ['Aynur', 'Айнур', 'ئاينۇر', '阿依努尔'],
  ['Zulhumar', 'Зулһумар', 'زۇلھۇمار', '祖力胡玛尔'],
  ['Nurgul', 'Нургүл', 'نۇرگۈل', '努尔古丽'],
  ['Subinur', 'Субинур', 'سۇبىنۇر', '苏比努尔'],
  ['Dilnur', 'Дилнур', 'دىلنۇر', '迪丽努尔'],
  ['Ayshem', 'Айшәм', 'ئايشەم', '阿依夏木'],
  ['Tursunay', 'Турсунай', 'تۇرسۇناي', '吐尔逊阿依'],
  ['Gulnisa', 'Гүлниса', 'گۈلنىسا', '古丽尼沙'],
];

type Ethnicity = 'Kazakh' | 'Uyghur';
type Gender = 'male' | 'female';

/** Kazakh surnames are patronymic roots with -ov/-ova; Uyghur ones are the father's name as is. */
function personNames(rng: Rng, ethnicity: Ethnicity, gender: Gender, given: NameRow, root: NameRow): Name[] {
  const fem = gender === 'female';
  if (ethnicity === 'Kazakh') {
    const names: Name[] = [
      { value: `${given[0]} ${root[0]}${fem ? 'ova' : 'ov'}`, kind: 'primary', script: 'Latn', lang: 'kk-Latn' },
      { value: `${given[1]} ${root[1]}${fem ? 'ова' : 'ов'}`, kind: 'alias', script: 'Cyrl', lang: 'kk' },
    ];
    if (rng.chance(0.35))
      names.push({ value: `${given[3]}·${root[3]}`, kind: 'transliteration', script: 'Hans', lang: 'zh' });
    if (rng.chance(0.15))
      names.push({
        value: `${given[0]} ${root[0]}${fem ? 'ova' : 'ov'}`.replace(/kh/g, 'h').replace(/zh/g, 'j'),
        kind: 'transliteration',
        script: 'Latn',
        lang: 'kk-Latn',
      });
    return names;
  }
  const names: Name[] = [
    { value: `${given[0]} ${root[0]}`, kind: 'primary', script: 'Latn', lang: 'ug-Latn' },
    { value: `${given[1]} ${root[1]}`, kind: 'alias', script: 'Cyrl', lang: 'ug-Cyrl' },
  ];
  if (rng.chance(0.6)) names.push({ value: `${given[2]} ${root[2]}`, kind: 'alias', script: 'Arab', lang: 'ug' });
  if (rng.chance(0.35))
    names.push({ value: `${given[3]}·${root[3]}`, kind: 'transliteration', script: 'Hans', lang: 'zh' });
  return names;
}

// ---------------------------------------------------------------------------------------------
// Real places (approximate coordinates).

interface CityRow {
  slug: string;
  en: string;
  kk: string;
  ug: string;
  zh: string;
  ruIn: string;
  lat: number;
  lon: number;
  kazakh: number;
  uyghur: number;
}

const XINJIANG_CITIES: readonly CityRow[] = [
  {
    slug: 'urumqi',
    en: 'Urumqi',
    kk: 'Үрімші',
    ug: 'ئۈرۈمچى',
    zh: '乌鲁木齐',
    ruIn: 'Урумчи',
    lat: 43.825,
    lon: 87.617,
    kazakh: 6,
    uyghur: 6,
  },
  {
    slug: 'ghulja',
    en: 'Ghulja (Yining)',
    kk: 'Құлжа',
    ug: 'غۇلجا',
    zh: '伊宁',
    ruIn: 'Кульдже',
    lat: 43.909,
    lon: 81.278,
    kazakh: 12,
    uyghur: 5,
  },
  {
    slug: 'tacheng',
    en: 'Tacheng (Chuguchak)',
    kk: 'Шәуешек',
    ug: 'چۆچەك',
    zh: '塔城',
    ruIn: 'Чугучаке',
    lat: 46.746,
    lon: 82.979,
    kazakh: 8,
    uyghur: 1,
  },
  {
    slug: 'altay',
    en: 'Altay',
    kk: 'Алтай',
    ug: 'ئالتاي',
    zh: '阿勒泰',
    ruIn: 'Алтае',
    lat: 47.845,
    lon: 88.141,
    kazakh: 8,
    uyghur: 0.5,
  },
  {
    slug: 'karamay',
    en: 'Karamay',
    kk: 'Қарамай',
    ug: 'قاراماي',
    zh: '克拉玛依',
    ruIn: 'Карамае',
    lat: 45.58,
    lon: 84.889,
    kazakh: 2,
    uyghur: 1,
  },
  {
    slug: 'bole',
    en: 'Bole (Bortala)',
    kk: 'Бортала',
    ug: 'بۆرتالا',
    zh: '博乐',
    ruIn: 'Боле',
    lat: 44.903,
    lon: 82.072,
    kazakh: 3,
    uyghur: 1,
  },
  {
    slug: 'changji',
    en: 'Changji',
    kk: 'Санжы',
    ug: 'سانجى',
    zh: '昌吉',
    ruIn: 'Чанцзи',
    lat: 44.011,
    lon: 87.304,
    kazakh: 4,
    uyghur: 2,
  },
  {
    slug: 'turpan',
    en: 'Turpan',
    kk: 'Тұрпан',
    ug: 'تۇرپان',
    zh: '吐鲁番',
    ruIn: 'Турфане',
    lat: 42.951,
    lon: 89.19,
    kazakh: 0.3,
    uyghur: 4,
  },
  {
    slug: 'hami',
    en: 'Hami (Kumul)',
    kk: 'Құмыл',
    ug: 'قۇمۇل',
    zh: '哈密',
    ruIn: 'Хами',
    lat: 42.828,
    lon: 93.515,
    kazakh: 1,
    uyghur: 2,
  },
  {
    slug: 'korla',
    en: 'Korla',
    kk: 'Корла',
    ug: 'كورلا',
    zh: '库尔勒',
    ruIn: 'Корле',
    lat: 41.726,
    lon: 86.174,
    kazakh: 0.3,
    uyghur: 4,
  },
  {
    slug: 'aksu',
    en: 'Aksu',
    kk: 'Ақсу',
    ug: 'ئاقسۇ',
    zh: '阿克苏',
    ruIn: 'Аксу',
    lat: 41.168,
    lon: 80.263,
    kazakh: 0.3,
    uyghur: 6,
  },
  {
    slug: 'kashgar',
    en: 'Kashgar',
    kk: 'Қашқар',
    ug: 'قەشقەر',
    zh: '喀什',
    ruIn: 'Кашгаре',
    lat: 39.467,
    lon: 75.99,
    kazakh: 0.2,
    uyghur: 12,
  },
  {
    slug: 'hotan',
    en: 'Hotan',
    kk: 'Хотан',
    ug: 'خوتەن',
    zh: '和田',
    ruIn: 'Хотане',
    lat: 37.114,
    lon: 79.922,
    kazakh: 0.1,
    uyghur: 9,
  },
  {
    slug: 'atush',
    en: 'Atush (Artux)',
    kk: 'Артыш',
    ug: 'ئاتۇش',
    zh: '阿图什',
    ruIn: 'Артуше',
    lat: 39.716,
    lon: 76.168,
    kazakh: 0.1,
    uyghur: 3,
  },
  {
    slug: 'shihezi',
    en: 'Shihezi',
    kk: 'Шихэцзы',
    ug: 'شىخەنزە',
    zh: '石河子',
    ruIn: 'Шихэцзы',
    lat: 44.306,
    lon: 86.08,
    kazakh: 1,
    uyghur: 0.5,
  },
  {
    slug: 'kuytun',
    en: 'Kuytun',
    kk: 'Күйтүн',
    ug: 'كۈيتۇن',
    zh: '奎屯',
    ruIn: 'Куйтуне',
    lat: 44.426,
    lon: 84.903,
    kazakh: 2,
    uyghur: 1,
  },
];

interface CrossingRow {
  slug: string;
  en: string;
  ru: string;
  lat: number;
  lon: number;
  names: Name[];
  /** Xinjiang city it serves (index into XINJIANG_CITIES). */
  city: string;
  weight: number;
}

/** The real Kazakhstan-China crossings (approximate coordinates). */
const BORDER_CROSSINGS: readonly CrossingRow[] = [
  {
    slug: 'khorgos',
    en: 'Khorgos',
    ru: 'Хоргос',
    lat: 44.21,
    lon: 80.41,
    city: 'ghulja',
    weight: 10,
    names: [
      { value: 'Khorgos', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Korgas', kind: 'alias', script: 'Latn', lang: 'en' },
      { value: 'Qorgas', kind: 'transliteration', script: 'Latn', lang: 'kk-Latn' },
      { value: 'Horgos', kind: 'transliteration', script: 'Latn', lang: 'zh-Latn' },
      { value: 'Nur Zholy', kind: 'alias', script: 'Latn', lang: 'kk-Latn' },
      { value: 'Хоргос', kind: 'alias', script: 'Cyrl', lang: 'ru' },
      { value: 'Қорғас', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: '霍尔果斯', kind: 'alias', script: 'Hans', lang: 'zh' },
      { value: 'قورغاس', kind: 'alias', script: 'Arab', lang: 'ug' },
    ],
  },
  {
    slug: 'dostyk-alashankou',
    en: 'Dostyk',
    ru: 'Достык',
    lat: 45.21,
    lon: 82.52,
    city: 'bole',
    weight: 5,
    names: [
      { value: 'Dostyk', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Alashankou', kind: 'alias', script: 'Latn', lang: 'zh-Latn' },
      { value: 'Druzhba', kind: 'alias', script: 'Latn', lang: 'ru-Latn' },
      { value: 'Достык', kind: 'alias', script: 'Cyrl', lang: 'ru' },
      { value: 'Достық', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: 'Дружба', kind: 'alias', script: 'Cyrl', lang: 'ru' },
      { value: '阿拉山口', kind: 'alias', script: 'Hans', lang: 'zh' },
    ],
  },
  {
    slug: 'bakhty-tacheng',
    en: 'Bakhty',
    ru: 'Бахты',
    lat: 46.68,
    lon: 82.77,
    city: 'tacheng',
    weight: 5,
    names: [
      { value: 'Bakhty', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Baketu', kind: 'alias', script: 'Latn', lang: 'zh-Latn' },
      { value: 'Tacheng', kind: 'alias', script: 'Latn', lang: 'zh-Latn' },
      { value: 'Бахты', kind: 'alias', script: 'Cyrl', lang: 'ru' },
      { value: 'Бақты', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: '巴克图', kind: 'alias', script: 'Hans', lang: 'zh' },
      { value: '塔城', kind: 'alias', script: 'Hans', lang: 'zh' },
    ],
  },
  {
    slug: 'maikapchagai-jeminay',
    en: 'Maikapchagai',
    ru: 'Майкапчагай',
    lat: 47.45,
    lon: 85.6,
    city: 'altay',
    weight: 3,
    names: [
      { value: 'Maikapchagai', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Maykapshagay', kind: 'transliteration', script: 'Latn', lang: 'kk-Latn' },
      { value: 'Jeminay', kind: 'alias', script: 'Latn', lang: 'en' },
      { value: 'Jimunai', kind: 'transliteration', script: 'Latn', lang: 'zh-Latn' },
      { value: 'Майкапчагай', kind: 'alias', script: 'Cyrl', lang: 'ru' },
      { value: 'Майқапшағай', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: '吉木乃', kind: 'alias', script: 'Hans', lang: 'zh' },
    ],
  },
  {
    slug: 'kalzhat-dulata',
    en: 'Kalzhat',
    ru: 'Кольжат',
    lat: 43.55,
    lon: 80.6,
    city: 'ghulja',
    weight: 3,
    names: [
      { value: 'Kalzhat', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Kolzhat', kind: 'transliteration', script: 'Latn', lang: 'ru-Latn' },
      { value: 'Dulata', kind: 'alias', script: 'Latn', lang: 'zh-Latn' },
      { value: 'Кольжат', kind: 'alias', script: 'Cyrl', lang: 'ru' },
      { value: 'Қолжат', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: 'Дулата', kind: 'alias', script: 'Cyrl', lang: 'ru' },
      { value: '都拉塔', kind: 'alias', script: 'Hans', lang: 'zh' },
    ],
  },
];

const FACILITY_KINDS = [
  {
    kind: 'camp',
    weight: 45,
    en: 'Vocational Skills Education and Training Centre',
    zh: '职业技能教育培训中心',
    ru: 'лагерь',
    tiers: [1, 3],
  },
  {
    kind: 'detention-centre',
    weight: 20,
    en: 'Detention Centre',
    zh: '看守所',
    ru: 'следственный изолятор',
    tiers: [2, 3],
  },
  { kind: 'prison', weight: 15, en: 'Prison', zh: '监狱', ru: 'тюрьму', tiers: [3, 4] },
  { kind: 'police-station', weight: 15, en: 'Police Station', zh: '派出所', ru: 'полицейский участок', tiers: [0, 1] },
  {
    kind: 'clandestine-centre',
    weight: 5,
    en: 'Unmarked Holding Site',
    zh: '未登记羁押点',
    ru: 'секретное место содержания',
    tiers: [2, 4],
  },
] as const;
type FacilityKind = (typeof FACILITY_KINDS)[number]['kind'];

// ---------------------------------------------------------------------------------------------
// Excerpts: no names or ids ever; a relation word from the witness's point of view instead.

type Relation = 'self' | 'partner' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'relative';

const REL_EN: Record<Relation, [string, string]> = {
  self: ['I', 'I'],
  partner: ['My husband', 'My wife'],
  child: ['My son', 'My daughter'],
  parent: ['My father', 'My mother'],
  sibling: ['My brother', 'My sister'],
  grandchild: ['My grandson', 'My granddaughter'],
  relative: ['My relative', 'My relative'],
};
const REL_RU: Record<Relation, [string, string]> = {
  self: ['Я', 'Я'],
  partner: ['Мой муж', 'Моя жена'],
  child: ['Мой сын', 'Моя дочь'],
  parent: ['Мой отец', 'Моя мать'],
  sibling: ['Мой брат', 'Моя сестра'],
  grandchild: ['Мой внук', 'Моя внучка'],
  relative: ['Мой родственник', 'Моя родственница'],
};

interface ExcerptContext {
  relation: Relation | null;
  gender: Gender;
  days: number;
  city?: CityRow;
  facilityKind?: FacilityKind;
  crossing?: CrossingRow;
  years?: number;
}

type Excerpt = { excerpt: string; translation?: string };
const excerptCache = new Map<number, Excerpt>();
const KEY_KINDS = new Map<string, number>();
const keyIndex = (map: Map<string, number>, value: string | undefined): number => {
  if (value === undefined) return 0;
  let index = map.get(value);
  if (index === undefined) map.set(value, (index = map.size + 1));
  return index;
};
const KEY_RELATIONS = new Map<string, number>();
const KEY_CITIES = new Map<string, number>();
const KEY_FACILITY_KINDS = new Map<string, number>();
const KEY_CROSSINGS = new Map<string, number>();

/** Excerpts repeat a lot (same kind, month, city...): the cache makes them shared strings. */
function excerptFor(kind: EventKind | RelationshipType, lang: Lang, c: ExcerptContext): Excerpt {
  // A number, not a string: built for every claim. Fields: years 6 bits, crossing 4, facility kind
  // 4, city 6, relation 4, gender 1, language 2, kind 6, then the month.
  let key = monthKey(c.days);
  if (key < 0) return writeExcerpt(kind, lang, c);
  key = key * 64 + keyIndex(KEY_KINDS, kind);
  key = key * 4 + (lang === 'en' ? 0 : lang === 'ru' ? 1 : 2);
  key = key * 2 + (c.gender === 'female' ? 1 : 0);
  key = key * 16 + keyIndex(KEY_RELATIONS, c.relation ?? undefined);
  key = key * 64 + keyIndex(KEY_CITIES, c.city?.slug);
  key = key * 16 + keyIndex(KEY_FACILITY_KINDS, c.facilityKind);
  key = key * 16 + keyIndex(KEY_CROSSINGS, c.crossing?.slug);
  key = key * 64 + (c.years ?? 0);
  let hit = excerptCache.get(key);
  if (!hit) {
    hit = writeExcerpt(kind, lang, c);
    if (excerptCache.size > 200_000) excerptCache.clear();
    excerptCache.set(key, hit);
  }
  return hit;
}

const KK_EXCERPTS: Partial<Record<EventKind | RelationshipType, (year: number) => string>> = {
  crossing: (year) => `${year} жылы шекарадан өтті.`,
  detention: (year) => `${year} жылы лагерьге алып кетті.`,
  release: (year) => `${year} жылы босатылды, бірақ шетелге шыға алмайды.`,
  testimony: () => 'Отбасымның басына не түскенін әлем білсін деп айтып отырмын.',
  MEMBER_OF: () => 'Біз бір отбасымыз.',
};

function writeExcerpt(kind: EventKind | RelationshipType, lang: Lang, c: ExcerptContext): Excerpt {
  const g = c.gender === 'female' ? 1 : 0;
  const whoEn = c.relation ? REL_EN[c.relation][g] : 'The person';
  const whoRu = c.relation ? REL_RU[c.relation][g] : g ? 'Эта женщина' : 'Этот человек';
  const a = g ? 'а' : '';
  const la = g ? 'ла' : '';
  const cityEn = c.city?.en ?? 'Xinjiang';
  const cityRu = c.city?.ruIn ?? 'Синьцзяне';
  const fk = FACILITY_KINDS.find((f) => f.kind === c.facilityKind) ?? FACILITY_KINDS[0];
  const year = yearOf(c.days);
  const en = (): string => {
    switch (kind) {
      case 'crossing':
        return `${whoEn} crossed the border at ${c.crossing?.en ?? 'Khorgos'} in ${monthYearEn(c.days)} to visit relatives.`;
      case 'detention':
        return `${whoEn} was taken to a ${fk.en.toLowerCase()} in ${cityEn} in ${monthYearEn(c.days)}.`;
      case 'passport-confiscation':
        return `At the police station in ${cityEn} they took the passport, in ${monthYearEn(c.days)}.`;
      case 'blocked-exit':
        return `${whoEn} was not allowed to leave China at ${c.crossing?.en ?? 'the border'}.`;
      case 'release':
        return `${whoEn} was released in ${monthYearEn(c.days)} but cannot leave ${cityEn}.`;
      case 'transfer':
        return `In ${monthYearEn(c.days)} ${whoEn === 'I' ? 'I was' : `${whoEn.toLowerCase()} was`} moved to a prison.`;
      case 'trial':
        return `The trial in ${cityEn} took place without a lawyer, in ${monthYearEn(c.days)}.`;
      case 'sentence':
        return `${whoEn} was sentenced to ${c.years ?? 7} years.`;
      case 'disappearance':
        return `We have had no news since ${monthYearEn(c.days)}.`;
      case 'death':
        return `${whoEn} died in custody in ${monthYearEn(c.days)}.`;
      case 'marriage':
        return `They married in ${year} in ${cityEn}.`;
      case 'testimony':
        return 'I am speaking so that the world knows what happened to my family.';
      case 'PARENT_OF':
        return `The children grew up with their father and mother in ${cityEn}.`;
      case 'PARTNER_OF':
        return `They have been married since ${year} and lived in ${cityEn}.`;
      case 'SIBLING_OF':
        return `The brothers and sisters grew up together in ${cityEn}.`;
      case 'MEMBER_OF':
        return `The household was registered in ${cityEn}.`;
      case 'GUARDIAN_OF':
        return `Since the parents were taken, a relative has cared for the children.`;
      default:
        return `Recorded in ${cityEn}, ${monthYearEn(c.days)}.`;
    }
  };
  if (lang === 'en') return { excerpt: en() };
  const translation = en();
  if (lang === 'kk') {
    const text = KK_EXCERPTS[kind];
    if (text) return { excerpt: text(year), translation: kind === 'MEMBER_OF' ? 'We are one family.' : translation };
  }
  const ru = (): string => {
    switch (kind) {
      case 'crossing':
        return `${whoRu} пересёк${g ? 'ла' : ''} границу через ${c.crossing?.ru ?? 'Хоргос'} ${monthYearRu(c.days)}, чтобы навестить родных.`;
      case 'detention':
        return `${whoRu} был${a} задержан${a} ${monthYearRu(c.days)} и отправлен${a} в ${fk.ru} в ${cityRu}.`;
      case 'passport-confiscation':
        return `Паспорт забрали в полиции в ${cityRu} ${monthYearRu(c.days)}.`;
      case 'blocked-exit':
        return `${whoRu} не смог${la} выехать из Китая через ${c.crossing?.ru ?? 'границу'}.`;
      case 'release':
        return `${whoRu} был${a} освобожден${a} ${monthYearRu(c.days)}, но выехать не может.`;
      case 'transfer':
        return `Потом ${whoRu.toLowerCase()} был${a} переведен${a} в тюрьму.`;
      case 'trial':
        return `Суд в ${cityRu} прошёл без адвоката.`;
      case 'sentence':
        return `${whoRu} был${a} приговорен${a} к ${c.years ?? 7} годам лишения свободы.`;
      case 'disappearance':
        return `С тех пор нет никаких вестей. Последний раз связь была ${monthYearRu(c.days)}.`;
      case 'death':
        return `${whoRu} умер${la} под стражей.`;
      case 'marriage':
        return `Они поженились в ${year} году.`;
      case 'testimony':
        return 'Я говорю, чтобы мир узнал, что случилось с моей семьёй.';
      case 'PARENT_OF':
        return `Дети росли с отцом и матерью в ${cityRu}.`;
      case 'PARTNER_OF':
        return `Они женаты с ${year} года и жили в ${cityRu}.`;
      case 'SIBLING_OF':
        return `Братья и сёстры выросли вместе в ${cityRu}.`;
      case 'MEMBER_OF':
        return `Семья была прописана в ${cityRu}.`;
      case 'GUARDIAN_OF':
        return 'После того как родителей забрали, за детьми смотрят родственники.';
      default:
        return `Записано в ${cityRu}.`;
    }
  };
  return { excerpt: ru(), translation };
}

// ---------------------------------------------------------------------------------------------
// Generator

interface PersonState {
  idx: number;
  record: PersonRecord;
  gender: Gender;
  birth: number;
  ethnicity: Ethnicity;
  /** Family the person was born into (-1 when they join as a founding partner). */
  birthFamily: number;
  /** Family the person founded as a partner (-1 when none). */
  ownFamily: number;
  partner: number;
  parents: number[];
  children: number[];
  livesInKazakhstan: boolean;
  /** Day a deprivation began (detention or disappearance), or -1. */
  detainedFrom: number;
  /** Day it ended, or -1 (still held or unknown). */
  detainedUntil: number;
  homeCity: number;
}

interface FamilyState {
  idx: number;
  record: FamilyRecord;
  ethnicity: Ethnicity;
  root: NameRow;
  city: number;
  members: number[];
  children: number[];
  father: number;
  mother: number;
  /** Testimony source given by a family member, or null (claims cite a report). */
  testimony: SourceRecord | null;
  testimonyLang: Lang;
  memberClaim?: Claim[];
  witness: number;
  lastEventDay: number;
}

const YEAR_2026 = day(2026, 1, 1);
const MINOR_FROM = day(2008, 1, 1);

export function generateDataset(options: GenerateOptions): Dataset {
  const peopleTarget = Math.floor(options.people);
  if (!Number.isFinite(peopleTarget) || peopleTarget < 0) throw new RangeError('people must be a non-negative number');
  const rng = new Rng(options.seed ?? 1);

  const places: PlaceRecord[] = [];
  const orgs: OrganisationRecord[] = [];
  const facilities: FacilityRecord[] = [];
  const families: FamilyState[] = [];
  const people: PersonState[] = [];
  const events: EventRecord[] = [];
  const sources: SourceRecord[] = [];
  const relationships: Relationship[] = [];

  let relSeq = 0;
  const relPrefix = new Map<RelationshipType, string>();
  const relate = (
    type: RelationshipType,
    from: string,
    to: string,
    claims: Claim[],
    extra?: { role?: string; relation?: string; date?: string },
  ) => {
    relSeq += 1;
    let prefix = relPrefix.get(type);
    if (!prefix) relPrefix.set(type, (prefix = `syn-rel-${type.toLowerCase().replace(/_/g, '-')}-`));
    // Keys in the order a record is written by hand: id, type, from, to, role, relation, date, claims.
    const rel = { id: prefix + pad(relSeq, 7), type, from, to } as Relationship;
    if (extra?.role) rel.role = extra.role;
    if (extra?.relation) rel.relation = extra.relation;
    if (extra?.date) rel.date = extra.date;
    rel.claims = claims;
    rel.synthetic = true;
    relationships.push(rel);
    return rel;
  };

  // --- Sources -------------------------------------------------------------------------------
  let sourceSeq = 0;
  const addSource = (kind: SourceRecord['kind'], title: string, extra: Partial<SourceRecord>): SourceRecord => {
    sourceSeq += 1;
    const id = `syn-source-${pad(sourceSeq, 6)}`;
    const source: SourceRecord = {
      id,
      type: ENTITY.Source,
      names: [{ value: `[SYNTHETIC] ${title}`, kind: 'primary', script: 'Latn', lang: 'en' }],
      description: 'Invented source in a synthetic test dataset; it quotes no real person.',
      synthetic: true,
      kind,
      ...extra,
      url: `https://example.org/kinline-synthetic/${id}`,
    };
    sources.push(source);
    return source;
  };

  const ngoNames = ['Steppe Rights Monitor', 'Border Families Initiative', 'Open Testimony Archive'];
  const mediaNames = [
    'Synthetic Steppe Times',
    'Synthetic Almaty Courier',
    'Synthetic Asia Wire',
    'Synthetic Radio East',
  ];
  for (const [i, name] of ngoNames.entries()) {
    orgs.push({
      id: `syn-org-ngo-${i + 1}`,
      type: ENTITY.Organisation,
      names: [{ value: `${name} (synthetic)`, kind: 'primary', script: 'Latn', lang: 'en' }],
      synthetic: true,
      kind: 'ngo',
    });
  }
  for (const [i, name] of mediaNames.entries()) {
    orgs.push({
      id: `syn-org-media-${i + 1}`,
      type: ENTITY.Organisation,
      names: [{ value: name, kind: 'primary', script: 'Latn', lang: 'en' }],
      synthetic: true,
      kind: 'media',
    });
  }

  const reportCount = Math.max(3, Math.ceil(peopleTarget / 1000));
  const articleCount = Math.max(3, Math.ceil(peopleTarget / 150));
  const officialCount = Math.max(2, Math.ceil(peopleTarget / 300));
  const reports = Array.from({ length: reportCount }, (_, i) =>
    addSource('report', `Report on detentions of Kazakhs and Uyghurs, part ${i + 1}`, {
      authors: [`Researcher ${String.fromCharCode(65 + (i % 26))}. (synthetic)`],
      publisher: orgs[i % ngoNames.length]!.names[0]!.value,
      date: isoMonth(day(2018, 6, 1) + rng.int(0, 5 * 365)),
      language: 'en',
      reliability: 'high',
    }),
  );
  const articles = Array.from({ length: articleCount }, (_, i) => {
    const lang = rng.chance(0.5) ? 'ru' : 'en';
    return addSource('article', `News article ${i + 1} on families separated by the border`, {
      publisher: mediaNames[i % mediaNames.length],
      date: isoDay(day(2018, 1, 1) + rng.int(0, 6 * 365)),
      language: lang,
      reliability: 'medium',
    });
  });
  const officials = Array.from({ length: officialCount }, (_, i) =>
    addSource('official-document', `Leaked county list ${i + 1} of detained residents`, {
      date: isoMonth(day(2017, 3, 1) + rng.int(0, 3 * 365)),
      language: 'zh',
      reliability: 'medium',
    }),
  );
  const facilitySurvey = addSource('dataset', 'Facility survey (ASPI-style numbering)', {
    date: '2020-09',
    language: 'en',
    reliability: 'high',
    publisher: orgs[2]!.names[0]!.value,
  });
  const gazetteer = addSource('official-document', 'Gazetteer of places and border crossings', {
    date: '2019',
    language: 'en',
    reliability: 'high',
  });
  for (const [i, source] of [...reports, facilitySurvey].entries()) {
    relate('PUBLISHED', orgs[i % ngoNames.length]!.id, source.id, [
      {
        source: gazetteer.id,
        locator: `entry ${i + 1}`,
        excerpt: 'Publisher as listed in the source.',
        confidence: 'confirmed',
      },
    ]);
  }
  for (const [i, source] of articles.entries()) {
    relate('PUBLISHED', orgs[ngoNames.length + (i % mediaNames.length)]!.id, source.id, [
      {
        source: source.id,
        locator: 'masthead',
        excerpt: 'Published by the outlet named in the masthead.',
        confidence: 'confirmed',
      },
    ]);
  }
  const reportClaim = (
    excerpt: { excerpt: string; translation?: string },
    confidence: Claim['confidence'] = 'probable',
  ): Claim => ({
    source: rng.pick(reports).id,
    locator: `p. ${rng.int(3, 180)}, para ${rng.int(1, 9)}`,
    excerpt: excerpt.excerpt,
    confidence,
  });

  // --- Places --------------------------------------------------------------------------------
  const gazClaim = (n: number): Claim[] => [
    { source: gazetteer.id, locator: `entry ${n}`, excerpt: 'Listed in the gazetteer.', confidence: 'confirmed' },
  ];
  const china: PlaceRecord = {
    id: 'syn-place-china',
    type: ENTITY.Place,
    names: [
      { value: 'China', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: '中国', kind: 'alias', script: 'Hans', lang: 'zh' },
      { value: 'Қытай', kind: 'alias', script: 'Cyrl', lang: 'kk' },
    ],
    synthetic: true,
    kind: 'country',
    country: 'CN',
  };
  const kazakhstan: PlaceRecord = {
    id: 'syn-place-kazakhstan',
    type: ENTITY.Place,
    names: [
      { value: 'Kazakhstan', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Қазақстан', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: '哈萨克斯坦', kind: 'alias', script: 'Hans', lang: 'zh' },
    ],
    synthetic: true,
    kind: 'country',
    country: 'KZ',
  };
  const xinjiang: PlaceRecord = {
    id: 'syn-place-xinjiang',
    type: ENTITY.Place,
    synthetic: true,
    kind: 'region',
    country: 'CN',
    latitude: 43.8,
    longitude: 87.6,
    names: [
      { value: 'Xinjiang Uyghur Autonomous Region', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'East Turkistan', kind: 'alias', script: 'Latn', lang: 'en' },
      { value: 'Шыңжаң', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: 'شىنجاڭ', kind: 'alias', script: 'Arab', lang: 'ug' },
      { value: '新疆', kind: 'alias', script: 'Hans', lang: 'zh' },
    ],
  };
  const almaty: PlaceRecord = {
    id: 'syn-place-almaty',
    type: ENTITY.Place,
    synthetic: true,
    kind: 'city',
    country: 'KZ',
    latitude: 43.238,
    longitude: 76.889,
    names: [
      { value: 'Almaty', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Алматы', kind: 'alias', script: 'Cyrl', lang: 'kk' },
      { value: '阿拉木图', kind: 'alias', script: 'Hans', lang: 'zh' },
    ],
  };
  const zharkent: PlaceRecord = {
    id: 'syn-place-zharkent',
    type: ENTITY.Place,
    synthetic: true,
    kind: 'city',
    country: 'KZ',
    latitude: 44.162,
    longitude: 80.0,
    names: [
      { value: 'Zharkent', kind: 'primary', script: 'Latn', lang: 'en' },
      { value: 'Жаркент', kind: 'alias', script: 'Cyrl', lang: 'kk' },
    ],
  };
  places.push(china, kazakhstan, xinjiang, almaty, zharkent);
  let gazEntry = 0;
  relate('LOCATED_IN', xinjiang.id, china.id, gazClaim(++gazEntry));
  relate('LOCATED_IN', almaty.id, kazakhstan.id, gazClaim(++gazEntry));
  relate('LOCATED_IN', zharkent.id, kazakhstan.id, gazClaim(++gazEntry));
  const cityPlaces = XINJIANG_CITIES.map((c) => {
    const place: PlaceRecord = {
      id: `syn-place-${c.slug}`,
      type: ENTITY.Place,
      synthetic: true,
      kind: 'city',
      country: 'CN',
      latitude: c.lat,
      longitude: c.lon,
      names: [
        { value: c.en, kind: 'primary', script: 'Latn', lang: 'en' },
        { value: c.kk, kind: 'alias', script: 'Cyrl', lang: 'kk' },
        { value: c.ug, kind: 'alias', script: 'Arab', lang: 'ug' },
        { value: c.zh, kind: 'alias', script: 'Hans', lang: 'zh' },
      ],
    };
    places.push(place);
    relate('LOCATED_IN', place.id, xinjiang.id, gazClaim(++gazEntry));
    return place;
  });
  const cityIndex = new Map(XINJIANG_CITIES.map((c, i) => [c.slug, i]));
  const crossingPlaces = BORDER_CROSSINGS.map((c) => {
    const place: PlaceRecord = {
      id: `syn-place-crossing-${c.slug}`,
      type: ENTITY.Place,
      synthetic: true,
      kind: 'border-crossing',
      latitude: c.lat,
      longitude: c.lon,
      names: c.names.map((n) => ({ ...n })),
      description:
        'Real Kazakhstan-China border crossing (approximate coordinates), used as an anchor in a synthetic dataset.',
    };
    places.push(place);
    relate('LOCATED_IN', place.id, kazakhstan.id, gazClaim(++gazEntry));
    relate('LOCATED_IN', place.id, china.id, gazClaim(++gazEntry));
    return place;
  });
  const crossingWeights = cumulate(BORDER_CROSSINGS.map((c) => c.weight));
  const kazakhCityWeights = cumulate(XINJIANG_CITIES.map((c) => c.kazakh));
  const uyghurCityWeights = cumulate(XINJIANG_CITIES.map((c) => c.uyghur));

  XINJIANG_CITIES.forEach((c, i) => {
    const court: OrganisationRecord = {
      id: `syn-org-court-${c.slug}`,
      type: ENTITY.Organisation,
      synthetic: true,
      kind: 'court',
      names: [
        {
          value: `${c.en} Intermediate People's Court (synthetic record)`,
          kind: 'primary',
          script: 'Latn',
          lang: 'en',
        },
        { value: `${c.zh}中级人民法院`, kind: 'alias', script: 'Hans', lang: 'zh' },
      ],
    };
    orgs.push(court);
    relate('LOCATED_IN', court.id, cityPlaces[i]!.id, gazClaim(++gazEntry));
  });

  // --- Facilities ----------------------------------------------------------------------------
  const facilityCount = Math.min(400, Math.max(8, Math.floor(peopleTarget / 5)));
  const cityFacilityWeights = cumulate(XINJIANG_CITIES.map((c) => c.kazakh + c.uyghur));
  const kindWeights = cumulate(FACILITY_KINDS.map((k) => k.weight));
  const facilitiesByCity: number[][] = XINJIANG_CITIES.map(() => []);
  const facilityKindOf: FacilityKind[] = [];
  const facilityCity: number[] = [];
  for (let i = 0; i < facilityCount; i++) {
    // Every city gets at least one facility, then they follow population.
    const city = i < XINJIANG_CITIES.length ? i : rng.weighted(cityFacilityWeights);
    const k = FACILITY_KINDS[i < XINJIANG_CITIES.length ? 0 : rng.weighted(kindWeights)]!;
    const c = XINJIANG_CITIES[city]!;
    const number = facilitiesByCity[city]!.length + 1;
    const id = `syn-facility-${pad(i + 1, 4)}`;
    const facility: FacilityRecord = {
      id,
      type: ENTITY.Facility,
      synthetic: true,
      kind: k.kind,
      names: [
        { value: `${c.en.replace(/ \(.*\)$/, '')} ${k.en} No. ${number}`, kind: 'primary', script: 'Latn', lang: 'en' },
        { value: `${c.zh}第${number}${k.zh}`, kind: 'alias', script: 'Hans', lang: 'zh' },
      ],
      description: 'Synthetic facility: not a real site.',
      latitude: Math.round((c.lat + (rng.next() - 0.5) * 0.6) * 1e4) / 1e4,
      longitude: Math.round((c.lon + (rng.next() - 0.5) * 0.8) * 1e4) / 1e4,
      securityTier: rng.int(k.tiers[0], k.tiers[1]),
      identifiers: [{ scheme: 'aspi', value: `ASPI-${1000 + i}` }],
    };
    facilities.push(facility);
    facilitiesByCity[city]!.push(i);
    facilityKindOf.push(k.kind);
    facilityCity.push(city);
    relate('LOCATED_IN', id, cityPlaces[city]!.id, [
      {
        source: facilitySurvey.id,
        locator: `row ${i + 1}`,
        excerpt: `Facility ASPI-${1000 + i}, ${c.en}.`,
        confidence: rng.chance(0.8) ? 'confirmed' : 'probable',
      },
    ]);
  }
  /** A facility in the city, skewed towards a few big ones (so co-detention happens). */
  const facilityIn = (city: number, kinds?: readonly FacilityKind[]): number => {
    const list = facilitiesByCity[city]!;
    const wanted = kinds ? list.filter((f) => kinds.includes(facilityKindOf[f]!)) : list;
    const pool = wanted.length > 0 ? wanted : list.length > 0 ? list : facilities.map((_, i) => i);
    const x = rng.next();
    return pool[Math.floor(x * x * pool.length)]!;
  };

  // --- People and families -------------------------------------------------------------------
  const birthDate = (days: number): string => {
    const x = rng.next();
    // Near the age of majority, dates are exact enough to tell a minor from an adult.
    if (days >= day(2005, 1, 1)) return x < 0.8 ? isoDay(days) : isoMonth(days);
    if (x < 0.6) return isoDay(days);
    if (x < 0.75) return isoMonth(days);
    if (x < 0.9) return String(yearOf(days));
    return `${yearOf(days)}~`;
  };
  const occupations = [
    'farmer',
    'herder',
    'teacher',
    'driver',
    'trader',
    'doctor',
    'nurse',
    'engineer',
    'imam',
    'student',
    'accountant',
    'shopkeeper',
    'construction worker',
    'journalist',
    'retired',
  ];
  const newPerson = (
    ethnicity: Ethnicity,
    gender: Gender,
    birth: number,
    root: NameRow,
    birthFamily: number,
    city: number,
    livesInKazakhstan: boolean,
  ): PersonState => {
    const idx = people.length;
    const givens =
      ethnicity === 'Kazakh'
        ? gender === 'male'
          ? KAZAKH_MALE
          : KAZAKH_FEMALE
        : gender === 'male'
          ? UYGHUR_MALE
          : UYGHUR_FEMALE;
    const record: PersonRecord = {
      id: `syn-person-${pad(idx + 1, 6)}`,
      type: ENTITY.Person,
      names: personNames(rng, ethnicity, gender, rng.pick(givens), root),
      synthetic: true,
      gender,
      birthDate: birthDate(birth),
    };
    if (rng.chance(0.5)) record.birthPlace = cityPlaces[city]!.id;
    if (birth >= MINOR_FROM) record.minor = true;
    record.citizenships = livesInKazakhstan ? (rng.chance(0.15) ? ['China', 'Kazakhstan'] : ['Kazakhstan']) : ['China'];
    record.ethnicity = ethnicity;
    const age = (YEAR_2026 - birth) / 365.25;
    if (age >= 18) {
      record.occupation = age > 65 ? 'retired' : rng.pick(occupations);
      if (rng.chance(0.2)) record.identityNumbers = [`SYN-ID-${pad(idx + 1, 6)}`];
      if (rng.chance(0.03)) record.disclosure = 'confidential';
    }
    const person: PersonState = {
      idx,
      record,
      gender,
      birth,
      ethnicity,
      birthFamily,
      ownFamily: -1,
      partner: -1,
      parents: [],
      children: [],
      livesInKazakhstan,
      detainedFrom: -1,
      detainedUntil: -1,
      homeCity: city,
    };
    people.push(person);
    return person;
  };

  // Adults who were born into a family and have not founded their own yet: the marriage market.
  const singles: Record<Gender, number[]> = { male: [], female: [] };
  const takeSingle = (gender: Gender, ethnicity: Ethnicity, notFamily: number): number => {
    const pool = singles[gender];
    for (let tries = 0; tries < 6 && pool.length > 0; tries++) {
      const at = rng.int(0, pool.length - 1);
      const p = people[pool[at]!]!;
      if (p.ethnicity === ethnicity && p.birthFamily !== notFamily) {
        pool[at] = pool[pool.length - 1]!;
        pool.pop();
        return p.idx;
      }
    }
    return -1;
  };

  const familySourceLang = (ethnicity: Ethnicity): Lang => {
    const x = rng.next();
    if (ethnicity === 'Kazakh') return x < 0.35 ? 'kk' : x < 0.75 ? 'ru' : 'en';
    return x < 0.5 ? 'ru' : 'en';
  };

  const memberOf = (family: FamilyState, person: number, role: string) => {
    family.members.push(person);
    const p = people[person]!;
    // One passage about the household backs every membership in it.
    family.memberClaim ??= [familyClaim(family, 'MEMBER_OF', p, p.birth)];
    relate('MEMBER_OF', p.record.id, family.record.id, family.memberClaim, { role });
  };
  const relationTo = (witness: number, subject: number): Relation | null => {
    if (witness < 0) return null;
    if (witness === subject) return 'self';
    const w = people[witness]!;
    const s = people[subject]!;
    if (w.partner === subject) return 'partner';
    if (w.children.includes(subject)) return 'child';
    if (w.parents.includes(subject)) return 'parent';
    if (s.parents.length > 0 && s.parents.some((x) => w.parents.includes(x))) return 'sibling';
    if (w.children.some((c) => people[c]!.children.includes(subject))) return 'grandchild';
    return 'relative';
  };
  let testimonyLocator = 0;
  const familyClaim = (
    family: FamilyState,
    kind: EventKind | RelationshipType,
    subject: PersonState,
    days: number,
    extra: Partial<ExcerptContext> = {},
    confidence?: Claim['confidence'],
  ): Claim => {
    const ctx: ExcerptContext = {
      relation: relationTo(family.witness, subject.idx),
      gender: subject.gender,
      days,
      city: extra.city ?? XINJIANG_CITIES[family.city],
      facilityKind: extra.facilityKind,
      crossing: extra.crossing,
      years: extra.years,
    };
    if (family.testimony) {
      testimonyLocator = (testimonyLocator + 37) % 3600;
      const text = excerptFor(kind, family.testimonyLang, ctx);
      const claim: Claim = {
        source: family.testimony.id,
        locator: `00:${pad(Math.floor(testimonyLocator / 60), 2)}:${pad(testimonyLocator % 60, 2)}`,
        excerpt: text.excerpt,
        confidence: confidence ?? (rng.chance(0.75) ? 'probable' : 'confirmed'),
      };
      if (text.translation) claim.translation = text.translation;
      return claim;
    }
    return reportClaim(
      excerptFor(kind, 'en', { ...ctx, relation: null }),
      confidence ?? (rng.chance(0.6) ? 'probable' : 'possible'),
    );
  };

  const newFamily = (ethnicity: Ethnicity, root: NameRow, city: number): FamilyState => {
    const idx = families.length;
    const surname = ethnicity === 'Kazakh' ? `${root[0]}ov` : root[0];
    const record: FamilyRecord = {
      id: `syn-family-${pad(idx + 1, 6)}`,
      type: ENTITY.Family,
      synthetic: true,
      names: [{ value: `${surname} family (K-${pad(idx + 1, 5)})`, kind: 'primary', script: 'Latn', lang: 'en' }],
    };
    const family: FamilyState = {
      idx,
      record,
      ethnicity,
      root,
      city,
      members: [],
      children: [],
      father: -1,
      mother: -1,
      testimony: null,
      testimonyLang: familySourceLang(ethnicity),
      witness: -1,
      lastEventDay: day(2018, 1, 1),
    };
    if (rng.chance(0.6)) {
      family.testimony = addSource('testimony', `Video testimony ${idx + 1} of a family member`, {
        authors: ['Interviewer (synthetic)'],
        publisher: orgs[idx % ngoNames.length]!.names[0]!.value,
        language: family.testimonyLang,
        reliability: rng.chance(0.7) ? 'medium' : 'high',
      });
    }
    families.push(family);
    return family;
  };

  // --- Events --------------------------------------------------------------------------------
  let eventSeq = 0;
  function addEvent(
    kind: EventKind,
    participants: [number, string][],
    date: string | undefined,
    at: string | undefined,
    claims: Claim[],
    title: string,
  ): EventRecord {
    eventSeq += 1;
    const id = `syn-event-${pad(eventSeq, 7)}`;
    const event: EventRecord = {
      id,
      type: ENTITY.Event,
      names: [{ value: `${title} #${eventSeq}`, kind: 'primary', script: 'Latn', lang: 'en' }],
      synthetic: true,
      kind,
      claims,
    };
    if (date) event.date = date;
    events.push(event);
    // The first claim, without a date of its own, also backs the participation and the place.
    const first = claims[0]!;
    const participation: Claim = {
      source: first.source,
      locator: first.locator,
      excerpt: first.excerpt,
      confidence: first.confidence,
    };
    if (first.translation) participation.translation = first.translation;
    for (const [p, role] of participants) {
      relate('PARTICIPATED_IN', people[p]!.record.id, id, [participation], { role });
    }
    if (at) relate('OCCURRED_AT', id, at, [participation]);
    return event;
  }

  const full = () => people.length >= peopleTarget;
  while (!full()) {
    const ethnicity: Ethnicity = rng.chance(0.62) ? 'Kazakh' : 'Uyghur';
    const city = rng.weighted(ethnicity === 'Kazakh' ? kazakhCityWeights : uyghurCityWeights);
    const elder = singles.male.length < 4 || singles.female.length < 4 || rng.chance(0.3);
    // Founders: elders are new people; younger couples are often adult children of earlier families.
    let husband = elder ? -1 : rng.chance(0.75) ? takeSingle('male', ethnicity, -1) : -1;
    const root: NameRow =
      husband >= 0 ? rootOf(people[husband]!) : rng.pick(ethnicity === 'Kazakh' ? KAZAKH_MALE : UYGHUR_MALE);
    const family = newFamily(ethnicity, root, husband >= 0 ? people[husband]!.homeCity : city);
    const emigrated = ethnicity === 'Kazakh' && !elder && rng.chance(0.45);
    const fatherBirth =
      husband >= 0
        ? people[husband]!.birth
        : elder
          ? day(1942, 1, 1) + rng.int(0, 30 * 365)
          : day(1968, 1, 1) + rng.int(0, 32 * 365);
    if (husband < 0)
      husband = newPerson(
        ethnicity,
        'male',
        fatherBirth,
        rng.pick(ethnicity === 'Kazakh' ? KAZAKH_MALE : UYGHUR_MALE),
        -1,
        family.city,
        emigrated,
      ).idx;
    if (full()) {
      people[husband]!.ownFamily = family.idx;
      family.father = husband;
      linkFounder(family, husband, 'parent');
      break;
    }
    let wife = elder ? -1 : rng.chance(0.7) ? takeSingle('female', ethnicity, people[husband]!.birthFamily) : -1;
    if (wife < 0) {
      const wifeBirth = Math.min(fatherBirth + rng.int(-3 * 365, 8 * 365), day(2003, 1, 1));
      wife = newPerson(
        ethnicity,
        'female',
        wifeBirth,
        rng.pick(ethnicity === 'Kazakh' ? KAZAKH_MALE : UYGHUR_MALE),
        -1,
        family.city,
        emigrated,
      ).idx;
    }
    const h = people[husband]!;
    const w = people[wife]!;
    h.partner = wife;
    w.partner = husband;
    h.ownFamily = family.idx;
    w.ownFamily = family.idx;
    if (emigrated) {
      h.livesInKazakhstan = true;
      w.livesInKazakhstan = true;
    }
    family.father = husband;
    family.mother = wife;
    // The family member who gives the testimony: a founder, chosen now so that every quote is
    // worded from their point of view ("my husband", "my daughter").
    if (family.testimony) family.witness = w.livesInKazakhstan || rng.chance(0.55) ? wife : husband;
    if (ethnicity === 'Kazakh' && w.birthFamily >= 0) {
      const given = w.record.names[0]!.value.split(' ')[0]!;
      w.record.names.push({ value: `${given} ${root[0]}ova`, kind: 'married', script: 'Latn', lang: 'kk-Latn' });
    }
    linkFounder(family, husband, 'parent');
    linkFounder(family, wife, 'parent');
    const marriedYear = Math.min(Math.max(h.birth, w.birth) + rng.int(19 * 365, 28 * 365), day(2025, 6, 1));
    const divorced = rng.chance(0.04);
    const divorcedIn = Math.min(yearOf(marriedYear) + rng.int(2, 15), 2025);
    relate('PARTNER_OF', h.record.id, w.record.id, [familyClaim(family, 'PARTNER_OF', w, marriedYear)], {
      role: divorced ? 'divorced' : 'married',
      date: `${yearOf(marriedYear)}/${divorced ? divorcedIn : '..'}`,
    });
    // Grandparents join the young couple's household record.
    if (!elder) {
      for (const gp of h.parents) if (rng.chance(0.5)) memberOf(family, gp, 'grandparent');
    }
    // Children.
    const motherBirth = w.birth;
    const childCount = elder ? rng.int(2, 6) : rng.int(0, 4);
    let childBirth = Math.max(marriedYear, motherBirth + 19 * 365) + rng.int(200, 900);
    for (let k = 0; k < childCount && !full(); k++) {
      if (childBirth > day(2025, 9, 1)) break;
      const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
      const child = newPerson(
        ethnicity,
        gender,
        childBirth,
        root,
        family.idx,
        family.city,
        h.livesInKazakhstan && rng.chance(0.9),
      );
      // One passage per child names both parents, another the siblings.
      const parentClaim = [familyClaim(family, 'PARENT_OF', child, child.birth)];
      for (const parent of [h, w]) {
        parent.children.push(child.idx);
        child.parents.push(parent.idx);
        relate('PARENT_OF', parent.record.id, child.record.id, parentClaim, { role: 'biological' });
      }
      const siblingClaim = family.children.length > 0 ? [familyClaim(family, 'SIBLING_OF', child, child.birth)] : [];
      for (const sibling of family.children) {
        relate('SIBLING_OF', people[sibling]!.record.id, child.record.id, siblingClaim, { role: 'full' });
      }
      family.children.push(child.idx);
      memberOf(family, child.idx, 'child');
      if (childBirth <= day(2003, 1, 1)) singles[gender].push(child.idx);
      childBirth += rng.int(400, 2200);
    }
    if (rng.chance(0.6)) {
      const year = yearOf(marriedYear);
      addEvent(
        'marriage',
        [
          [h.idx, 'subject'],
          [w.idx, 'subject'],
        ],
        String(year),
        cityPlaces[family.city]!.id,
        [familyClaim(family, 'marriage', w, marriedYear)],
        `Marriage (${year})`,
      );
    }
  }

  function rootOf(p: PersonState): NameRow {
    const families0 = p.birthFamily >= 0 ? families[p.birthFamily] : undefined;
    return families0?.root ?? rng.pick(p.ethnicity === 'Kazakh' ? KAZAKH_MALE : UYGHUR_MALE);
  }
  function linkFounder(family: FamilyState, person: number, role: string) {
    memberOf(family, person, role);
  }

  const familyOf = (p: PersonState): FamilyState => families[p.ownFamily >= 0 ? p.ownFamily : p.birthFamily]!;
  const touch = (family: FamilyState, days: number) => {
    if (days > family.lastEventDay) family.lastEventDay = days;
  };
  const DETENTION_WINDOW = [day(2016, 9, 1), day(2019, 10, 1)] as const;

  /** A detention and what follows it; returns the day it starts. */
  const detain = (p: PersonState, start: number, facility: number, conflict: boolean) => {
    const family = familyOf(p);
    const fac = facilities[facility]!;
    if (p.detainedFrom >= 0) return;
    const facCity = XINJIANG_CITIES[facilityCity[facility]!]!;
    const startText = (() => {
      const x = rng.next();
      if (x < 0.45) return isoDay(start);
      if (x < 0.7) return isoMonth(start);
      if (x < 0.82) return `${isoMonth(start)}~`;
      if (x < 0.92) return `${isoDay(start)}?`;
      return season(start);
    })();
    // A witness testifies later, so a detained witness was released.
    const outcome = family.witness === p.idx ? rng.next() * 0.5 : rng.next();
    let end = -1;
    let endText = '..';
    if (outcome < 0.5) {
      end = start + rng.int(90, 1000);
      endText = rng.chance(0.6) ? isoMonth(end) : rng.chance(0.5) ? `${isoMonth(end)}~` : isoDay(end);
    } else if (outcome < 0.62) {
      endText = '';
    }
    const date = end >= 0 && rng.chance(0.05) ? `../${endText}` : `${startText}/${endText}`;
    p.detainedFrom = start;
    p.detainedUntil = end;
    touch(family, end >= 0 ? end : start);
    const claims: Claim[] = [
      familyClaim(family, 'detention', p, start, { facilityKind: facilityKindOf[facility], city: facCity }),
    ];
    if (conflict) {
      // Two sources disagree on when it began: both claims are kept, each with its own date.
      const other = start + rng.int(35, 160) * (rng.chance(0.5) ? 1 : -1);
      claims[0]!.date = startText.replace(/[~?]$/, '').length === 10 ? isoDay(start) : isoMonth(start);
      const article = rng.pick(articles);
      const text = excerptFor('detention', article.language === 'ru' ? 'ru' : 'en', {
        relation: null,
        gender: p.gender,
        days: other,
        facilityKind: facilityKindOf[facility],
        city: facCity,
      });
      const second: Claim = {
        source: article.id,
        locator: `para ${rng.int(2, 14)}`,
        excerpt: text.excerpt,
        confidence: 'possible',
        date: isoMonth(other),
        note: 'Date differs from the family testimony.',
      };
      if (text.translation) second.translation = text.translation;
      claims.push(second);
    } else if (rng.chance(0.3)) {
      const official = rng.pick(officials);
      claims.push({
        source: official.id,
        locator: `item ${rng.int(1, 900)}`,
        excerpt: `${facCity.zh}：已收押。`,
        translation: `${facCity.en}: taken into custody.`,
        confidence: 'confirmed',
      });
    }
    addEvent('detention', [[p.idx, 'subject']], date, fac.id, claims, `Detention at ${fac.names[0]!.value}`);
    // What follows.
    let cursor = start;
    if (rng.chance(0.25)) {
      cursor = start + rng.int(60, 400);
      const prison = facilityIn(facilityCity[facility]!, ['prison']);
      addEvent(
        'transfer',
        [[p.idx, 'subject']],
        fuzzyDate(rng, cursor, 0.3),
        facilities[prison]!.id,
        [familyClaim(family, 'transfer', p, cursor)],
        'Transfer to prison',
      );
      if (rng.chance(0.6)) {
        const trial = cursor + rng.int(20, 200);
        const years = rng.int(2, 20);
        addEvent(
          'trial',
          [[p.idx, 'subject']],
          fuzzyDate(rng, trial, 0.4),
          cityPlaces[facilityCity[facility]!]!.id,
          [
            familyClaim(family, 'trial', p, trial),
            {
              source: rng.pick(officials).id,
              locator: `item ${rng.int(1, 900)}`,
              excerpt: '判决已生效。',
              translation: 'The verdict has taken effect.',
              confidence: 'confirmed',
            },
          ],
          'Trial',
        );
        addEvent(
          'sentence',
          [[p.idx, 'subject']],
          isoMonth(trial + rng.int(0, 30)),
          cityPlaces[facilityCity[facility]!]!.id,
          [familyClaim(family, 'sentence', p, trial, { years })],
          `Sentence of ${years} years`,
        );
        touch(family, trial);
      }
    }
    if (end >= 0) {
      addEvent(
        'release',
        [[p.idx, 'subject']],
        endText.endsWith('~') ? endText : isoMonth(end),
        fac.id,
        [familyClaim(family, 'release', p, end)],
        'Release',
      );
      if (rng.chance(0.3)) {
        const blocked = end + rng.int(30, 400);
        const crossing = rng.weighted(crossingWeights);
        addEvent(
          'blocked-exit',
          [[p.idx, 'subject']],
          fuzzyDate(rng, blocked, 0.4),
          crossingPlaces[crossing]!.id,
          [familyClaim(family, 'blocked-exit', p, blocked, { crossing: BORDER_CROSSINGS[crossing] })],
          'Exit refused',
        );
        touch(family, blocked);
      }
    } else if (endText === '' && rng.chance(0.8)) {
      const last = Math.max(cursor, start) + rng.int(30, 500);
      addEvent(
        'disappearance',
        [[p.idx, 'subject']],
        rng.chance(0.5) ? `../${isoMonth(last)}` : `${yearOf(last)}~`,
        cityPlaces[facilityCity[facility]!]!.id,
        [familyClaim(family, 'disappearance', p, last)],
        'Disappearance',
      );
      touch(family, last);
    } else if (rng.chance(0.02)) {
      const died = start + rng.int(60, 900);
      addEvent(
        'death',
        [[p.idx, 'subject']],
        fuzzyDate(rng, died, 0.3),
        fac.id,
        [familyClaim(family, 'death', p, died)],
        'Death in custody',
      );
      p.record.deathDate = `${isoMonth(died)}?`;
      touch(family, died);
    }
  };

  // Cascades: several adults of one family detained within days of each other, often together.
  const cascadeDone = new Set<number>();
  for (const family of families) {
    if (!rng.chance(0.07)) continue;
    const adults = family.members.filter((m) => people[m]!.record.minor !== true && !people[m]!.livesInKazakhstan);
    if (adults.length < 2) continue;
    const anchor = DETENTION_WINDOW[0] + rng.int(120, 700);
    const facility = facilityIn(family.city, ['camp', 'detention-centre']);
    const count = Math.min(adults.length, rng.int(2, 4));
    for (let k = 0; k < count; k++) {
      const p = people[adults[k]!]!;
      if (cascadeDone.has(p.idx)) continue;
      cascadeDone.add(p.idx);
      detain(p, anchor + rng.int(0, 10), rng.chance(0.7) ? facility : facilityIn(family.city), rng.chance(0.05));
    }
  }

  // Individual stories.
  for (const p of people) {
    if (p.record.minor || cascadeDone.has(p.idx)) continue;
    const age2017 = (day(2017, 1, 1) - p.birth) / 365.25;
    if (age2017 < 16) continue;
    const family = familyOf(p);
    const crossesFromKz = p.livesInKazakhstan ? 0.7 : p.ethnicity === 'Kazakh' ? 0.35 : 0.12;
    let detentionStart = -1;
    if (rng.chance(crossesFromKz)) {
      const crossingAt = DETENTION_WINDOW[0] - 120 + rng.int(0, 3 * 365);
      const crossing = rng.weighted(crossingWeights);
      const row = BORDER_CROSSINGS[crossing]!;
      addEvent(
        'crossing',
        [[p.idx, 'subject']],
        fuzzyDate(rng, crossingAt, 0.7),
        crossingPlaces[crossing]!.id,
        [familyClaim(family, 'crossing', p, crossingAt, { crossing: row })],
        `Border crossing at ${row.en}`,
      );
      touch(family, crossingAt);
      if (rng.chance(0.3)) {
        const taken = crossingAt + rng.int(1, 14);
        const station = facilityIn(cityIndex.get(row.city) ?? family.city, ['police-station']);
        addEvent(
          'passport-confiscation',
          [[p.idx, 'subject']],
          fuzzyDate(rng, taken, 0.5),
          facilities[station]!.id,
          [
            familyClaim(family, 'passport-confiscation', p, taken, {
              city: XINJIANG_CITIES[cityIndex.get(row.city) ?? family.city],
            }),
          ],
          'Passport confiscated',
        );
      }
      if (rng.chance(0.5)) detentionStart = crossingAt + rng.int(3, 120);
      else if (rng.chance(0.2)) {
        const blocked = crossingAt + rng.int(30, 240);
        const back = rng.weighted(crossingWeights);
        addEvent(
          'blocked-exit',
          [[p.idx, 'subject']],
          fuzzyDate(rng, blocked, 0.4),
          crossingPlaces[back]!.id,
          [familyClaim(family, 'blocked-exit', p, blocked, { crossing: BORDER_CROSSINGS[back] })],
          'Exit refused',
        );
        touch(family, blocked);
      }
    } else if (!p.livesInKazakhstan && rng.chance(p.ethnicity === 'Uyghur' ? 0.3 : 0.22)) {
      detentionStart = DETENTION_WINDOW[0] + Math.floor(rng.next() * rng.next() * 2 * 365) + rng.int(0, 300);
    }
    if (detentionStart >= 0) detain(p, detentionStart, facilityIn(p.homeCity), rng.chance(0.05));
  }

  // Guardians for minors whose parents are held; some are left with nobody ("orphaned").
  for (const family of families) {
    if (family.father < 0 || family.mother < 0) continue;
    const held = [family.father, family.mother].filter((m) => people[m]!.detainedFrom >= 0);
    if (held.length === 0) continue;
    const minors = family.children.filter((c) => people[c]!.record.minor === true);
    if (minors.length === 0) continue;
    if (held.length === 1 && !rng.chance(0.25)) continue;
    if (held.length === 2 && rng.chance(0.35)) continue; // no known carer: the children's whereabouts are unknown
    const since = Math.max(...held.map((m) => people[m]!.detainedFrom));
    const father = people[family.father]!;
    const mother = people[family.mother]!;
    const candidates = [
      ...father.parents,
      ...mother.parents,
      ...family.children.filter((c) => people[c]!.record.minor !== true),
      ...(held.length === 1 ? held.map((m) => (m === family.father ? family.mother : family.father)) : []),
    ].filter((c) => people[c]!.detainedFrom < 0);
    if (candidates.length === 0) continue;
    const guardian = people[rng.pick(candidates)]!;
    for (const child of minors) {
      relate(
        'GUARDIAN_OF',
        guardian.record.id,
        people[child]!.record.id,
        [familyClaim(family, 'GUARDIAN_OF', people[child]!, since)],
        { role: rng.chance(0.7) ? 'caregiver' : 'legal', date: `${isoMonth(since)}/..` },
      );
    }
    if (!family.members.includes(guardian.idx)) memberOf(family, guardian.idx, 'guardian');
  }

  // Testimonies: one per family that gave one, by an adult at liberty (often a witness at risk).
  for (const family of families) {
    const source = family.testimony;
    if (!source) continue;
    const adults = family.members.filter((m) => people[m]!.record.minor !== true && people[m]!.detainedFrom < 0);
    const witness =
      family.witness >= 0
        ? family.witness
        : (adults.find((m) => people[m]!.livesInKazakhstan) ?? adults[0] ?? family.members[0]);
    const when = Math.min(family.lastEventDay + rng.int(20, 400), day(2025, 6, 1));
    source.date = isoDay(when);
    if (witness === undefined) continue;
    family.witness = witness;
    const w = people[witness]!;
    if (w.record.minor !== true && rng.chance(0.3)) w.record.disclosure = 'confidential';
    const text = excerptFor('testimony', family.testimonyLang, { relation: 'self', gender: w.gender, days: when });
    const claim: Claim = { source: source.id, locator: '00:00:10', excerpt: text.excerpt, confidence: 'confirmed' };
    if (text.translation) claim.translation = text.translation;
    const event = addEvent(
      'testimony',
      [[witness, 'witness']],
      isoDay(when),
      almaty.id,
      [claim],
      'Video testimony recorded in Almaty',
    );
    relate('MENTIONS', source.id, event.id, [claim]);
    if (rng.chance(0.35)) {
      // A public appeal, organised by the NGO that recorded the testimony.
      const appeal = Math.min(when + rng.int(7, 200), day(2025, 12, 1));
      const ngo = orgs[family.idx % ngoNames.length]!;
      const article = rng.pick(articles);
      const advocacy = addEvent(
        'advocacy',
        [[witness, 'presenter']],
        fuzzyDate(rng, appeal, 0.8),
        almaty.id,
        [
          {
            source: article.id,
            locator: `para ${rng.int(1, 12)}`,
            excerpt: 'Relatives of the detained appealed publicly for their release.',
            confidence: 'confirmed',
          },
        ],
        'Public appeal in Almaty',
      );
      relate(
        'PARTICIPATED_IN',
        ngo.id,
        advocacy.id,
        [
          {
            source: article.id,
            locator: `para ${rng.int(1, 12)}`,
            excerpt: 'The appeal was organised by a rights group.',
            confidence: 'probable',
          },
        ],
        { role: 'organiser' },
      );
    }
  }

  return {
    kinline: 1,
    title: `[SYNTHETIC] Kinline generated test dataset: ${peopleTarget} invented people (seed ${options.seed ?? 1})`,
    synthetic: true,
    entities: [
      ...places,
      ...orgs,
      ...facilities,
      ...sources,
      ...families.map((f) => f.record),
      ...people.map((p) => p.record),
      ...events,
    ],
    relationships,
  };
}
