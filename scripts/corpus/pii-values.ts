// Generators of realistic PII values with valid check digits (computed here independently of the
// product's validators), one function per entity type and country.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Random } from './seeded-random.js';

const digits = (random: Random, count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
const letters = (random: Random, count: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') =>
  Array.from({ length: count }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');

function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    let digit = Number(body[body.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

const CARD_FORMATS: [string[], number][] = [
  [['4'], 16],
  [['4'], 13],
  [['51', '52', '53', '54', '55', '2221', '2720', '23'], 16],
  [['34', '37'], 15],
  [['6011', '65', '644'], 16],
  [['3528', '3589'], 16],
  [['36', '38'], 14],
  [['62'], 16],
];

export function cardNumber(random: Random): string {
  const [prefixes, length] = random.pick(CARD_FORMATS);
  const prefix = random.pick(prefixes);
  const body = prefix + digits(random, length - prefix.length - 1);
  const number = body + luhnCheckDigit(body);
  const style = random.int(0, 2);
  if (style === 0) return number;
  const separator = style === 1 ? ' ' : '-';
  if (length === 15) return [number.slice(0, 4), number.slice(4, 10), number.slice(10)].join(separator);
  return number.match(/.{1,4}/g)?.join(separator) ?? number;
}

export function iban(random: Random): string {
  const formats: [string, () => string][] = [
    ['DE', () => digits(random, 18)],
    ['GB', () => letters(random, 4) + digits(random, 14)],
    [
      'FR',
      () => digits(random, 10) + letters(random, 1, '0123456789ABCDEFGHJK') + digits(random, 10) + digits(random, 2),
    ],
    ['ES', () => digits(random, 20)],
    ['IT', () => letters(random, 1) + digits(random, 10) + digits(random, 12)],
    ['NL', () => letters(random, 4) + digits(random, 10)],
    ['BE', () => digits(random, 12)],
    ['CH', () => digits(random, 17)],
    ['AT', () => digits(random, 16)],
    ['PL', () => digits(random, 24)],
  ];
  const [country, bban] = random.pick(formats);
  const account = bban();
  const numeric = `${account}${country}00`.replace(/[A-Z]/g, (char) => String(char.charCodeAt(0) - 55));
  const check = String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
  const compact = `${country}${check}${account}`;
  return random.chance(0.5) ? compact : (compact.match(/.{1,4}/g)?.join(' ') ?? compact);
}

export function ssn(random: Random): string {
  let area = random.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(random.int(1, 99)).padStart(2, '0')}-${String(random.int(1, 9999)).padStart(4, '0')}`;
}

export function spanishDni(random: Random): string {
  const number = random.int(10_000_000, 99_999_999);
  return `${number}${'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}`;
}

export function spanishNie(random: Random): string {
  const lead = random.int(0, 2);
  const rest = digits(random, 7);
  return `${'XYZ'[lead]}${rest}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(`${lead}${rest}`) % 23]}`;
}

export function cpf(random: Random): string {
  const base = digits(random, 9);
  const check = (value: string) => {
    let sum = 0;
    for (let index = 0; index < value.length; index += 1) sum += Number(value[index]) * (value.length + 1 - index);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  const first = check(base);
  const second = check(base + first);
  const full = `${base}${first}${second}`;
  return `${full.slice(0, 3)}.${full.slice(3, 6)}.${full.slice(6, 9)}-${full.slice(9)}`;
}

export function nir(random: Random): string {
  const body = `${random.int(1, 2)}${String(random.int(40, 99)).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 95)).padStart(2, '0')}${digits(random, 3)}${digits(random, 3)}`;
  const key = String(97n - (BigInt(body) % 97n)).padStart(2, '0');
  return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
}

const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

export function aadhaar(random: Random): string {
  const body = `${random.int(2, 9)}${digits(random, 10)}`;
  let check = 0;
  for (let index = 0; index < body.length; index += 1)
    check = D[check][P[(index + 1) % 8][Number(body[body.length - 1 - index])]];
  const full = `${body}${INV[check]}`;
  return random.chance(0.7) ? `${full.slice(0, 4)} ${full.slice(4, 8)} ${full.slice(8)}` : full;
}

export function chineseId(random: Random): string {
  const region = random.pick(['110105', '310104', '440305', '510107', '330106']);
  const birth = `${random.int(1950, 2004)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const body = `${region}${birth}${digits(random, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(body[index]) * weights[index];
  return body + '10X98765432'[sum % 11];
}

export function bsn(random: Random): string {
  for (;;) {
    const body = digits(random, 8);
    let sum = 0;
    for (let index = 0; index < 8; index += 1) sum += Number(body[index]) * (9 - index);
    const last = sum % 11;
    if (last <= 9 && body[0] !== '0') return `${body}${last}`;
  }
}

export function sin(random: Random): string {
  const body = `${random.pick(['1', '2', '3', '4', '5', '6', '7', '9'])}${digits(random, 7)}`;
  const full = `${body}${luhnCheckDigit(body)}`;
  return `${full.slice(0, 3)} ${full.slice(3, 6)} ${full.slice(6)}`;
}

export function nino(random: Random): string {
  const first = letters(random, 1, 'ABCEGHJKLMNOPRSTWXYZ');
  let second = letters(random, 1, 'ABCEGHJKLMNPRSTWXYZ');
  while (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(first + second))
    second = letters(random, 1, 'ABCEGHJKLMNPRSTWXYZ');
  const body = `${first}${second}${digits(random, 6)}${letters(random, 1, 'ABCD')}`;
  return random.chance(0.5)
    ? body
    : `${body.slice(0, 2)} ${body.slice(2, 4)} ${body.slice(4, 6)} ${body.slice(6, 8)} ${body[8]}`;
}

export function passport(random: Random): string {
  return random.pick([
    () => digits(random, 9), // US, UK
    () => `${letters(random, 1)}${digits(random, 7)}`, // India
    () => `E${digits(random, 8)}`, // China
    () => `${digits(random, 2)}${letters(random, 2)}${digits(random, 5)}`, // France
    () => `C${letters(random, 4, 'FGHJKLMNPRTVWXYZ')}${digits(random, 4)}`, // Germany
    () => `${letters(random, 3)}${digits(random, 6)}`, // Spain
  ])();
}

export function driverLicense(random: Random): string {
  return random.pick([
    () => `${letters(random, 1)}${digits(random, 7)}`, // California
    () => digits(random, 9), // New York
    () =>
      `${letters(random, 1)}${digits(random, 3)}-${digits(random, 3)}-${digits(random, 2)}-${digits(random, 3)}-${digits(random, 1)}`, // Florida
    () => `B${digits(random, 3)}${letters(random, 3)}${digits(random, 1)}${letters(random, 1)}${digits(random, 2)}`, // Germany
  ])();
}

export function ukDrivingLicence(random: Random): string {
  return `${letters(random, 5)}${random.int(0, 9)}${random.pick(['0', '1', '5', '6'])}${digits(random, 4)}${letters(random, 2)}${random.int(0, 9)}${letters(random, 2)}`;
}

/** Phone numbers by region, kept only when libphonenumber-js agrees they are valid. */
const PHONE_SHAPES: [string, (random: Random) => string][] = [
  [
    'US',
    (r) =>
      `(${r.pick(['212', '415', '312', '617', '206', '305', '512', '720', '404', '213'])}) ${r.int(200, 999)}-${digits(r, 4)}`,
  ],
  ['US', (r) => `+1 ${r.pick(['646', '303', '602', '702', '503'])} ${r.int(200, 999)} ${digits(r, 4)}`],
  ['GB', (r) => `07${r.int(400, 999)} ${digits(r, 6)}`],
  ['GB', (r) => `+44 20 7${digits(r, 3)} ${digits(r, 4)}`],
  ['DE', (r) => `+49 30 ${digits(r, 8)}`],
  ['DE', (r) => `0${r.pick(['151', '160', '170', '176'])} ${digits(r, 8)}`],
  ['FR', (r) => `0${r.int(6, 7)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`],
  ['FR', (r) => `+33 1 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`],
  ['ES', (r) => `6${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`],
  ['IT', (r) => `+39 3${r.int(20, 49)} ${digits(r, 3)} ${digits(r, 4)}`],
  ['IN', (r) => `+91 9${digits(r, 4)} ${digits(r, 5)}`],
  ['BR', (r) => `(11) 9${digits(r, 4)}-${digits(r, 4)}`],
  ['JP', (r) => `090-${digits(r, 4)}-${digits(r, 4)}`],
  ['AU', (r) => `04${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`],
  ['NL', (r) => `06-${r.int(10, 99)}${digits(r, 6)}`],
  ['CN', (r) => `+86 13${digits(r, 1)} ${digits(r, 4)} ${digits(r, 4)}`],
  ['MX', (r) => `+52 55 ${digits(r, 4)} ${digits(r, 4)}`],
];

export function phone(random: Random): { value: string; region: string } {
  for (;;) {
    const [region, make] = random.pick(PHONE_SHAPES);
    const value = make(random);
    if (parsePhoneNumberFromString(value, region as 'US')?.isValid()) return { value, region };
  }
}

const FIRST = [
  'Maria',
  'Aiko',
  'Tomasz',
  'Ngozi',
  'Elif',
  'Mateo',
  'Siobhan',
  'Kwame',
  'Ingrid',
  'Rahul',
  'Chen',
  'Lucía',
  'Yusuf',
  'Freya',
  'Dmitri',
  'Anouk',
  'Thabo',
  'Giulia',
  'Henrik',
  'Amara',
  'Bartosz',
  'Zeynep',
  'Olufemi',
  'Marisol',
  'Keanu',
  'Leilani',
  'Bjorn',
  'Esperanza',
  'Tariq',
  'Nadia',
];
const LAST = [
  'Gonzalez',
  'Tanaka',
  'Kowalski',
  'Okafor',
  'Yilmaz',
  'Fernández',
  'O’Brien',
  'Mensah',
  'Larsen',
  'Sharma',
  'Wang',
  'Moreau',
  'Haddad',
  'Lindqvist',
  'Petrov',
  'de Vries',
  'Nkosi',
  'Romano',
  'Berg',
  'Diallo',
  'Nowak',
  'Demir',
  'Adeyemi',
  'Castillo',
  'Kahale',
  'Akana',
  'Eriksson',
  'Villanueva',
  'Rahman',
  'Ivanova',
];

export function personName(random: Random): string {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`;
}

const STREETS = [
  'Maple',
  'Oak',
  'Harbour',
  'Mill',
  'Station',
  'Church',
  'Willow',
  'Elm',
  'Cedar',
  'Highland',
  'Lakeview',
  'Kings',
];
export function address(random: Random): { value: string; lang: string } {
  return random.pick([
    () => ({
      value: `${random.int(1, 9999)} ${random.pick(STREETS)} ${random.pick(['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Boulevard'])}, ${random.pick(['Springfield', 'Portland', 'Austin', 'Denver'])}, ${random.pick(['IL', 'OR', 'TX', 'CO'])} ${digits(random, 5)}`,
      lang: 'en',
    }),
    () => ({
      value: `${random.int(1, 200)} ${random.pick(STREETS)} ${random.pick(['Road', 'Street', 'Close', 'Gardens'])}, ${random.pick(['Leeds', 'Bristol', 'York'])} ${random.pick(['LS1', 'BS8', 'YO1'])} ${random.int(1, 9)}${letters(random, 2)}`,
      lang: 'en',
    }),
    () => ({
      value: `${random.pick(['Linden', 'Berg', 'Garten', 'Schiller', 'Goethe'])}${random.pick(['straße', 'weg', 'gasse', 'allee'])} ${random.int(1, 150)}, ${digits(random, 5)} ${random.pick(['Berlin', 'München', 'Köln', 'Hamburg'])}`,
      lang: 'de',
    }),
    () => ({
      value: `${random.int(1, 120)} rue ${random.pick(['de la Paix', 'Victor Hugo', 'des Lilas', 'du Moulin'])}, ${digits(random, 5)} ${random.pick(['Paris', 'Lyon', 'Nantes'])}`,
      lang: 'fr',
    }),
    () => ({
      value: `Calle ${random.pick(['Mayor', 'Alcalá', 'del Sol', 'de Goya'])} ${random.int(1, 120)}, ${digits(random, 5)} ${random.pick(['Madrid', 'Sevilla', 'Valencia'])}`,
      lang: 'es',
    }),
    () => ({
      value: `Via ${random.pick(['Roma', 'Garibaldi', 'Dante', 'Verdi'])} ${random.int(1, 120)}, ${digits(random, 5)} ${random.pick(['Milano', 'Torino', 'Bologna'])}`,
      lang: 'it',
    }),
    () => ({
      value: `${random.pick(['Keizers', 'Prinsen', 'Heren'])}gracht ${random.int(1, 500)}, ${digits(random, 4)} ${letters(random, 2)} Amsterdam`,
      lang: 'nl',
    }),
  ])();
}

export function email(random: Random): string {
  const first = random.pick(FIRST).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const last = random
    .pick(LAST)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{M}’ ]/gu, '');
  const local = random.pick([
    `${first}.${last}`,
    `${first[0]}${last}`,
    `${first}_${last}${random.int(1, 99)}`,
    `${first}+${random.pick(['news', 'work', 'shop'])}`,
  ]);
  return `${local}@${random.pick(['gmail.com', 'outlook.de', 'example.co.uk', 'correo.es', 'mail.fr', 'uni-heidelberg.de', 'company.io'])}`;
}

export function ipAddress(random: Random): string {
  return random.pick([
    () => `${random.int(11, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
    () => `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
    () => `192.168.${random.int(0, 255)}.${random.int(1, 254)}`,
    () =>
      `2001:db8:${random.int(0, 65535).toString(16)}:${random.int(0, 65535).toString(16)}::${random.int(1, 65535).toString(16)}`,
  ])();
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function secret(random: Random): { value: string; needsContext: boolean } {
  const body = (count: number) => letters(random, count, ALPHANUMERIC);
  return random.pick([
    () => ({ value: `sk-proj-${body(40)}`, needsContext: false }),
    () => ({ value: `ghp_${body(36)}`, needsContext: false }),
    () => ({ value: `AKIA${letters(random, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`, needsContext: false }),
    () => ({ value: `xoxb-${digits(random, 12)}-${body(24)}`, needsContext: false }),
    () => ({ value: `sk_live_${body(24)}`, needsContext: false }),
    () => ({ value: `glpat-${body(20)}`, needsContext: false }),
    () => ({ value: `AIza${body(35)}`, needsContext: false }),
    () => ({ value: body(random.int(20, 40)), needsContext: true }),
  ])();
}
