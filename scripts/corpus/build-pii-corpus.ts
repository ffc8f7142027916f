// Builds data/pii/{train,dev,test}.jsonl: PII items (every value must be redacted and flagged) from
// the frames of pii-templates.ts filled with generated, checksum-valid values, and look-alike items
// (order numbers, versions, timestamps, hashes, ISBNs, …) that must come back unchanged.
// Deterministic. Usage: npx tsx scripts/corpus/build-pii-corpus.ts
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PiiEntity, type PiiItem, writeSplits } from './corpus-item.js';
import { refuseHeldBackRepeats } from './held-back.js';
import { BARE_NAME_FRAMES, BARE_NAMES, CAPITALISED_LOOKALIKES, SURNAME_FIRST_FRAMES } from './pii-name-phrases.js';
import { FRAMES, LOOKALIKES } from './pii-templates.js';
import {
  aadhaar,
  address,
  bsn,
  cardNumber,
  chineseId,
  cpf,
  driverLicense,
  email,
  iban,
  ipAddress,
  nino,
  nir,
  passport,
  personName,
  phone,
  secret,
  sin,
  spanishDni,
  spanishNie,
  ssn,
  ukDrivingLicence,
} from './pii-values.js';
import { seededRandom } from './seeded-random.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const random = seededRandom('pii-corpus');
const items: PiiItem[] = [];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

function dates(): Record<string, string> {
  const year = random.int(1940, 2006);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return {
    dmy: `${pad(day)}/${pad(month)}/${year}`,
    iso: `${year}-${pad(month)}-${pad(day)}`,
    mdy: `${MONTHS_EN[month - 1]} ${day}, ${year}`,
    dmy_words: `${day} ${MONTHS_EN[month - 1]} ${year}`,
    dmy_dot: `${pad(day)}.${pad(month)}.${year}`,
    es_words: `${day} de ${MONTHS_ES[month - 1]} de ${year}`,
    fr_words: `${day} ${MONTHS_FR[month - 1]} ${year}`,
  };
}

/** Fills a frame; returns the text and the entities it contains. */
function fill(kind: string, frame: string): { text: string; entities: PiiEntity[]; lang?: string } {
  const entities: PiiEntity[] = [];
  const put = (entityKind: string, value: string) => {
    entities.push({ kind: entityKind, value });
    return value;
  };
  let lang: string | undefined;
  const text = frame.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (kind === 'form' ? slot : `${kind}:${slot}`) {
      case 'name':
        return put('name', personName(random));
      case 'dob':
        return put('date_of_birth', dates().dmy);
      case 'address':
        return put('address', address(random).value);
      case 'phone':
        return put('phone', phone(random).value);
      case 'email':
        return put('email', email(random));
      case 'email:v':
        return put('email', email(random));
      case 'phone:v':
        return put('phone', phone(random).value);
      case 'credit_card:v':
        return put('credit_card', cardNumber(random));
      case 'iban:v':
        return put('iban', iban(random));
      case 'ssn:v':
        return put('ssn', ssn(random));
      case 'national_id:dni':
        return put('national_id', spanishDni(random));
      case 'national_id:nie':
        return put('national_id', spanishNie(random));
      case 'national_id:cpf':
        return put('national_id', cpf(random));
      case 'national_id:nir':
        return put('national_id', nir(random));
      case 'national_id:aadhaar':
        return put('national_id', aadhaar(random));
      case 'national_id:nino':
        return put('national_id', nino(random));
      case 'national_id:sin':
        return put('national_id', sin(random));
      case 'national_id:cn':
        return put('national_id', chineseId(random));
      case 'national_id:bsn':
        return put('national_id', bsn(random));
      case 'passport:v':
        return put('passport', passport(random));
      case 'driver_license:v':
        return put('driver_license', driverLicense(random));
      case 'driver_license:uk':
        return put('driver_license', ukDrivingLicence(random));
      case 'name:v':
        return put('name', personName(random));
      case 'name:last':
        return put('name', personName(random).split(' ').slice(1).join(' '));
      case 'address:v': {
        const generated = address(random);
        lang = generated.lang;
        return put('address', generated.value);
      }
      case 'ip_address:v':
        return put('ip_address', ipAddress(random));
      case 'secret:v': {
        const generated = secret(random);
        return put('secret', generated.value);
      }
      default:
        if (kind === 'date_of_birth') return put('date_of_birth', dates()[slot]);
        throw new Error(`no value for {${slot}} in a ${kind} frame`);
    }
  });
  return { text, entities, lang };
}

for (const [kind, frames] of Object.entries(FRAMES)) {
  frames.forEach((frame, index) => {
    const group = `pii-${kind}-${index}`;
    const copies = kind === 'form' ? 12 : 8;
    for (let copy = 0; copy < copies; copy += 1) {
      const { text, entities, lang } = fill(kind, frame.text);
      items.push({
        id: `pii-${String(items.length + 1).padStart(5, '0')}`,
        text,
        family: kind === 'form' ? 'multiple' : kind,
        entities,
        lang: lang ?? frame.lang,
        group,
        source: 'riptide-synthetic',
      });
    }
  });
}

const hex = (count: number) => Array.from({ length: count }, () => '0123456789abcdef'[random.int(0, 15)]).join('');
const isbn13 = () => {
  const body = `978${Array.from({ length: 9 }, () => random.int(0, 9)).join('')}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  const full = `${body}${(10 - (sum % 10)) % 10}`;
  return `${full.slice(0, 3)}-${full.slice(3, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}-${full.slice(12)}`;
};
const isbn10 = () => {
  const body = Array.from({ length: 9 }, () => random.int(0, 9)).join('');
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = (11 - (sum % 11)) % 11;
  return `${body}${check === 10 ? 'X' : check}`;
};
const lookalikeSlot = (slot: string): string => {
  const digitsSlot = /^d(\d+)$/.exec(slot);
  if (digitsSlot)
    return Array.from({ length: Number(digitsSlot[1]) }, (_, index) => random.int(index === 0 ? 1 : 0, 9)).join('');
  const date = dates();
  switch (slot) {
    case 'v3':
      return `${random.int(1, 22)}.${random.int(0, 30)}.${random.int(0, 40)}`;
    case 'v4':
      return `${random.int(1, 9)}.${random.int(0, 9)}.${random.int(0, 99)}.${random.int(0, 999)}`;
    case 'iso_ts':
      return `${random.int(2019, 2025)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}Z`;
    case 'mm':
      return pad(random.int(1, 12));
    case 'dd':
      return pad(random.int(1, 28));
    case 'hh':
      return pad(random.int(0, 23));
    case 'mi':
      return pad(random.int(0, 59));
    case 'hex40':
      return hex(40);
    case 'hex64':
      return hex(64);
    case 'hex32':
      return hex(32);
    case 'hex7':
      return hex(7);
    case 'isbn13':
      return isbn13();
    case 'isbn10':
      return isbn10();
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
    case 'alnum16':
      return Array.from({ length: 16 }, () => 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'[random.int(0, 32)]).join('');
    case 'alnum2':
      return Array.from({ length: 2 }, () => 'ABCDEFGHJKLMNPRSTUVWXYZ'[random.int(0, 22)]).join('');
    case 'year':
      return String(random.int(1990, 2025));
    default:
      if (slot in date) return date[slot];
      throw new Error(`no look-alike value for {${slot}}`);
  }
};
for (const [family, frames] of Object.entries(LOOKALIKES)) {
  frames.forEach((frame, index) => {
    const group = `lookalike-${family}-${index}`;
    for (let copy = 0; copy < 8; copy += 1) {
      const text = frame.replace(/(?<!\$)\{(\w+)\}/g, (_, slot: string) => lookalikeSlot(slot));
      items.push({
        id: `pii-${String(items.length + 1).padStart(5, '0')}`,
        text,
        family,
        entities: [],
        lang: /[äöüß]|Bestellung|Treffen/.test(text) ? 'de' : /Pedido|reunión/.test(text) ? 'es' : 'en',
        group,
        source: 'riptide-synthetic',
      });
    }
  });
}

// --- bare names and capitalised look-alikes (pii-name-phrases.ts, own seeded stream) ----------
{
  const bare = seededRandom('pii-corpus-bare-names');
  const push = (text: string, family: string, entities: PiiEntity[], group: string) =>
    items.push({
      id: `pii-${String(items.length + 1).padStart(5, '0')}`,
      text,
      family,
      entities,
      lang: 'en',
      group,
      source: 'riptide-handwritten-names',
    });
  BARE_NAME_FRAMES.forEach((frame, index) => {
    for (const [given, surname] of bare.shuffle(BARE_NAMES).slice(0, 3)) {
      const value = `${given} ${surname}`;
      push(frame.replace('{name}', value), 'name', [{ kind: 'name', value }], `bare-name-${index}`);
    }
  });
  SURNAME_FIRST_FRAMES.forEach((frame, index) => {
    for (const [given, surname] of bare.shuffle(BARE_NAMES).slice(0, 3)) {
      const text = frame.replace('{surname}', surname).replace('{given}', given);
      push(
        text,
        'name',
        [
          { kind: 'name', value: surname },
          { kind: 'name', value: given },
        ],
        `surname-first-${index}`,
      );
    }
  });
  CAPITALISED_LOOKALIKES.forEach((text, index) => {
    push(text, 'title_case', [], `capitalised-${index}`);
  });
}

// The hand-written held-back splits: no corpus item may repeat one of their texts.
refuseHeldBackRepeats(path.join(root, 'data', 'pii'), ['test-v2.jsonl', 'test-v3.jsonl'], items);
const counts = writeSplits(path.join(root, 'data', 'pii'), items);
const positives = items.filter((item) => item.entities.length > 0).length;
console.log(
  `pii corpus: ${items.length} items (${positives} with PII, ${items.length - positives} look-alikes); splits ${JSON.stringify(counts)}`,
);
