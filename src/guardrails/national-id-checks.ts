// Check digits of national identity numbers, so a number is redacted as an ID only when it could be
// one: Spain's DNI/NIE letter, Brazil's CPF, France's NIR key, India's Aadhaar (Verhoeff), China's
// resident ID (ISO 7064 MOD 11-2), the Netherlands' BSN (11-test) and Canada's SIN (Luhn).
import { luhnValid } from './checksums.js';

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** DNI: 8 digits + letter; NIE: X/Y/Z + 7 digits + letter. The letter is the number mod 23. */
export function spanishIdValid(candidate: string): boolean {
  const id = candidate.replace(/[\s-]/g, '').toUpperCase();
  const match = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(id);
  if (!match) return false;
  const lead = match[1] === 'X' ? '0' : match[1] === 'Y' ? '1' : match[1] === 'Z' ? '2' : match[1];
  return 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(lead + match[2]) % 23] === match[3];
}

/** CPF: 11 digits, two mod-11 check digits; repeated digits (111.111.111-11) are not issued. */
export function cpfValid(candidate: string): boolean {
  const digits = digitsOf(candidate);
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return false;
  const check = (length: number) => {
    let sum = 0;
    for (let index = 0; index < length; index += 1) sum += Number(digits[index]) * (length + 1 - index);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

/** NIR (French social security number): 13 digits + a 2-digit key = 97 − (number mod 97); Corsica 2A/2B. */
export function nirValid(candidate: string): boolean {
  const compact = candidate.replace(/\s/g, '').toUpperCase();
  if (!/^[12]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/.test(compact)) return false;
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(compact.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key;
}

const VERHOEFF_D = [
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
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let check = 0;
  for (let index = 0; index < digits.length; index += 1) {
    check = VERHOEFF_D[check][VERHOEFF_P[index % 8][Number(digits[digits.length - 1 - index])]];
  }
  return check === 0;
}

/** Aadhaar: 12 digits, never starting with 0 or 1, Verhoeff-checked. */
export function aadhaarValid(candidate: string): boolean {
  const digits = digitsOf(candidate);
  return digits.length === 12 && /^[2-9]/.test(digits) && verhoeffValid(digits);
}

/** Chinese resident identity number: 17 digits + a check character (0–9 or X), with a real birth date. */
export function chineseIdValid(candidate: string): boolean {
  const id = candidate.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(id[index]) * weights[index];
  return '10X98765432'[sum % 11] === id[17];
}

/** BSN: 9 digits passing the "11-test" (weights 9…2 and −1). */
export function bsnValid(candidate: string): boolean {
  const digits = digitsOf(candidate);
  if (digits.length !== 9) return false;
  let sum = 0;
  for (let index = 0; index < 8; index += 1) sum += Number(digits[index]) * (9 - index);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && sum !== 0;
}

/** Canadian SIN: 9 digits, Luhn-checked, not starting with 0 or 8. */
export function sinValid(candidate: string): boolean {
  const digits = digitsOf(candidate);
  return digits.length === 9 && /^[1-79]/.test(digits) && luhnValid(digits);
}
