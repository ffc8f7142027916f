// PII that only context makes personal: a date is a date of birth when "born" or "DOB" introduces
// it, capitalised words are a name after "my name is", "Dear Ms." or a common first name, and a
// number + street words is an address. Each pattern keeps the introducing words and redacts the rest.
import { caseless, type PiiDetector, placeholder } from './pii-detector.js';
import { namesAPlace } from './pii-name-list-detector.js';

/** Word lists are written as one `|`-separated string each: long lists, one line per word, hide the code. */
const list = (words: string) => words.split('|');

const MONTHS = list(
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro',
);
const MONTH = caseless(MONTHS);
const DATE = [
  '\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})',
  '\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}',
  `\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:of\\s+|de\\s+)?${MONTH}\\.?,?\\s+(?:de\\s+)?\\d{4}`,
  `${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  '\\d{4}年\\d{1,2}月\\d{1,2}日',
].join('|');
const BIRTH = caseless(
  list(
    'born|birth|date of birth|birthday|birthdate|dob|d.o.b|geboren|geburtsdatum|geburtstag|nacido|nacida|fecha de nacimiento|né|née|date de naissance|nato|nata|data di nascita|nascido|nascida|data de nascimento|geboortedatum|janm|janam tithi|date of birth is|nací|naci|nasci|nacque|sono nato|sono nata',
  ),
);
/** Between "born" and the date: "on", "am", "le", ":", "the", "in …," (a place) — a few short words at most. */
const BIRTH_GAP = `(?:[\\s:,.-]|${caseless(['on', 'am', 'le', 'el', 'il', 'em', 'op', 'the', 'is', 'was', 'in', 'at', 'date', 'ko'])}|\\p{Lu}\\p{Ll}+,?){0,8}?`;

const CAPITALISED = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?";
const PARTICLE = '(?:van|von|de|da|del|della|der|den|di|du|la|le|bin|al|dos|das)';
/** One to four capitalised words, with particles ("Ana de la Cruz"). */
const NAME = `(?:${PARTICLE}\\s+)?${CAPITALISED}(?:\\s+(?:${PARTICLE}\\s+){0,2}${CAPITALISED}){0,3}`;
/** Two to four capitalised words: for weak introductions ("I am", "this is"). */
const FULL_NAME = `${CAPITALISED}(?:\\s+(?:${PARTICLE}\\s+){0,2}${CAPITALISED}){1,3}`;
/** Words that introduce a name outright ("my name is", "Name:", "me llamo"). */
const NAME_INTRO = `(?:${caseless(list("my name is|my full name is|call me|signed by|me llamo|mi nombre es|ich heiße|ich heisse|mein name ist|je m'appelle|je m’appelle|mi chiamo|meu nome é|mijn naam is|mera naam"))}|${caseless(['name', 'full name', 'first name', 'last name', 'surname', 'nombre', 'nom', 'vorname', 'nachname', 'नाम'])}\\s*[:=-])`;
/** Words after which capitalised words are usually, not always, a person ("Customer Service Team" is not). */
const ROLE_INTRO = caseless(
  list(
    'patient|customer|client|employee|applicant|tenant|passenger|guest|contact person|named|regards|kind regards|best regards|sincerely|cheers|thanks|thank you|saludos|grüße|cordialement',
  ),
);
/** Capitalised words that are not names (title case, weekdays, teams, products). */
const NOT_NAME =
  /\b(?:The|For|And|Of|A|An|In|On|At|To|Service|Services|Support|Team|Department|Desk|Care|Success|Manager|Portal|Account|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Inc|Ltd|GmbH|LLC|Corp|Company|Group|Bank|Office|Center|Centre|Hospital|University|School|Street|Road|Avenue|Again|Everyone|All|Team|Reading|Your|Our|This|That|Feedback|Help|Data|Information|Details|Number|ID|Id)\b/u;
const HONORIFIC =
  '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Señor|Señora|Sr|Sra|Srta|Mme|Mlle|M|Sig|Sig\\.ra|Dott|Shri|Smt)\\.?';
/** "I am" + two capitalised words is a self-introduction; other weak introductions need a known given name. */
const SELF_INTRO = caseless(list("i am|i'm|i’m|my name's"));
const WEAK_INTRO = caseless(list('this is|from|by|with|for|to|ask|tell|met|meet|cc'));

/** Common given names across languages (not ones that are also places, brands or everyday words). */
const FIRST_NAMES = list(
  'James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|Matthew|Anthony|Donald|Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|Timothy|Ronald|Edward|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|Justin|Scott|Brandon|Benjamin|Samuel|Gregory|Patrick|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Margaret|Sandra|Ashley|Kimberly|Emily|Donna|Michelle|Carol|Amanda|Melissa|Deborah|Stephanie|Rebecca|Laura|Sharon|Cynthia|Kathleen|Amy|Angela|Anna|Emma|Olivia|Sophia|Isabella|Mia|Charlotte|Amelia|Harper|Evelyn|Abigail|Ella|Chloe|Lucas|Liam|Noah|Oliver|Elijah|Mason|Ethan|Logan|Aiden|Leon|Felix|Jonas|Lukas|Maximilian|Paul|Finn|Lena|Lea|Hannah|Johanna|Katharina|Sabine|Jürgen|Klaus|Stefan|Andreas|Markus|Wolfgang|Uwe|Heike|Ursula|María|Maria|José|Juan|Carlos|Javier|Alejandro|Pablo|Lucía|Carmen|Isabel|Sofía|Valentina|Camila|Diego|Miguel|Luis|Jorge|Pedro|Fernando|Ana|Elena|Pilar|Rosa|Marta|João|Luiza|Beatriz|Gabriel|Rafael|Thiago|Mateus|Pierre|Jean|Jacques|Michel|Philippe|Nicolas|Julien|Camille|Léa|Manon|Chloé|Inès|Amélie|Sébastien|François|Giuseppe|Giovanni|Francesco|Marco|Alessandro|Matteo|Lorenzo|Giulia|Chiara|Francesca|Federica|Aarav|Vivaan|Aditya|Arjun|Rohan|Rahul|Priya|Ananya|Aditi|Kavya|Sanjay|Vikram|Anil|Sunita|Deepak|Pooja|Neha|Wei|Jing|Li|Xiaoming|Yuki|Haruto|Sakura|Hiroshi|Kenji|Ahmed|Mohammed|Muhammad|Fatima|Omar|Yusuf|Aisha|Layla|Ibrahim|Mustafa|Olga|Ivan|Dmitri|Sergei|Natalia|Tatiana|Anastasia|Pieter|Jan|Sanne|Daan|Sven|Lars|Ingrid|Astrid|Freya|Nora|Priyanka|Oscar|Hugo|Emil|Nina|Julia|Sara|Tom|Tim|Ben|Sam|Max|Alex|Chris|Dana|Lena|Omar|Raj|Mia|Zoe|Ella|Ruth|Ian|Greta|Helga',
);
const FIRST_NAME = `(?:${[...new Set(FIRST_NAMES)].join('|')})`;

const STREET_SUFFIX = caseless(
  list(
    'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|parkway|pkwy|terrace|square|sq|circle|highway|hwy|close|crescent|row|mews|gardens|grove|hill|park',
  ),
);
const UNIT = `(?:,?\\s+${caseless(['apt', 'apartment', 'suite', 'unit', 'flat', 'floor'])}\\.?\\s*#?\\w{1,5}|,?\\s+#\\d{1,5})?`;
/** A town: capitalised words with lowercase letters, so a postcode ("NW1") is not taken for one. */
const CITY = "(?:,\\s*\\p{Lu}\\p{Ll}[\\p{L}.'’-]*(?:\\s+\\p{Lu}\\p{Ll}[\\p{L}.'’-]*){0,2})?";
const REGION_ZIP =
  '(?:,?\\s+[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?|,?\\s+\\d{5}(?:-\\d{4})?|,?\\s+[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2})?';
const ADDRESS_PATTERNS = [
  // 221B Baker Street, London NW1 6XE · 1600 Amphitheatre Parkway, Mountain View, CA 94043
  `\\b\\d{1,5}[A-Za-z]?\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}${STREET_SUFFIX}\\b\\.?${UNIT}${CITY}${CITY}${REGION_ZIP}`,
  // Hauptstraße 12, 10115 Berlin · Keizersgracht 123, 1015 CJ Amsterdam
  '\\b\\p{Lu}[\\p{L}-]*(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|straat|laan|gracht|plein|vej|gatan|gata)\\s+\\d{1,4}\\s?[a-zA-Z]?(?:,\\s*\\d{4,5}(?:\\s?[A-Z]{2})?\\s+\\p{Lu}[\\p{L}-]+)?',
  // 12 rue de la Paix, 75002 Paris
  `\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+${caseless(['rue', 'avenue', 'boulevard', 'bd', 'place', 'chemin', 'allée', 'impasse', 'quai', 'cours'])}\\s+(?:[\\p{L}'’-]+\\s+){0,4}?\\p{Lu}[\\p{L}'’-]+(?:,\\s*\\d{5}\\s+\\p{Lu}[\\p{L}-]+)?`,
  // Calle Mayor 3, 28013 Madrid · Via Roma 10, 00184 Roma · Rua Augusta 20
  `\\b(?:Calle|C\\/|Avenida|Avda\\.?|Plaza|Paseo|Carrer|Via|Viale|Piazza|Corso|Rua|Travessa|Largo)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?\\p{Lu}[\\p{L}'’-]+,?\\s+(?:n[º°.]?\\s*)?\\d{1,4}(?:,\\s*\\d{5}\\s+\\p{Lu}[\\p{L}-]+)?`,
  `\\b${caseless(['p.o. box', 'po box', 'p o box', 'postfach', 'apartado'])}\\s+\\d{1,6}`,
];

/** Runs before the phone detector, which would otherwise take "born 02/06/1958" for a number. */
export function dateOfBirthDetector(): PiiDetector {
  return {
    kind: 'date_of_birth',
    noun: ['date of birth', 'dates of birth'],
    pattern: new RegExp(`((?<![\\p{L}])${BIRTH}(?![\\p{L}])${BIRTH_GAP}\\s*)(${DATE})(?![\\d])`, 'gu'),
    replace: (match) => `${match[1]}${placeholder('date_of_birth')}`,
  };
}

export function contextDetectors(): PiiDetector[] {
  return [
    {
      kind: 'address',
      noun: ['postal address', 'postal addresses'],
      pattern: new RegExp(ADDRESS_PATTERNS.join('|'), 'gu'),
      replace: () => placeholder('address'),
    },
    {
      kind: 'name',
      noun: ['personal name', 'personal names'],
      pattern: new RegExp(`(\\b${NAME_INTRO}\\s*)(${NAME})`, 'gu'),
      replace: (match) => `${match[1]}${placeholder('name')}`,
    },
    {
      kind: 'name',
      noun: ['personal name', 'personal names'],
      pattern: new RegExp(`(\\b${ROLE_INTRO}\\s*[:,-]?\\s*)(${NAME})`, 'gu'),
      replace: (match) => (NOT_NAME.test(match[2]) ? null : `${match[1]}${placeholder('name')}`),
    },
    {
      kind: 'name',
      noun: ['personal name', 'personal names'],
      pattern: new RegExp(`(\\b${HONORIFIC}\\s+)(${NAME})`, 'gu'),
      replace: (match) => `${match[1]}${placeholder('name')}`,
    },
    {
      kind: 'name',
      noun: ['personal name', 'personal names'],
      pattern: new RegExp(`(\\b${SELF_INTRO}\\s+)(${FULL_NAME})`, 'gu'),
      replace: (match) => (NOT_NAME.test(match[2]) ? null : `${match[1]}${placeholder('name')}`),
    },
    {
      kind: 'name',
      noun: ['personal name', 'personal names'],
      pattern: new RegExp(`(\\b${WEAK_INTRO}\\s+)(${FULL_NAME})`, 'gu'),
      replace: (match) =>
        new RegExp(`^${FIRST_NAME}\\b`, 'u').test(match[2]) ? `${match[1]}${placeholder('name')}` : null,
    },
    {
      // A common given name followed by a capitalised surname, anywhere ("ask Priya Raman").
      kind: 'name',
      noun: ['personal name', 'personal names'],
      pattern: new RegExp(`(?<![\\p{L}\\]])${FIRST_NAME}(?:\\s+(?:${PARTICLE}\\s+){0,2}${CAPITALISED}){1,2}`, 'gu'),
      replace: (match) => {
        const at = match.index ?? 0;
        const input = match.input ?? '';
        const before = input.slice(Math.max(0, at - 24), at);
        const after = input.slice(at + match[0].length, at + match[0].length + 24);
        return namesAPlace(before, match[0], after) ? null : placeholder('name');
      },
    },
  ];
}
