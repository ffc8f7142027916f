// Check digits for the hand-written PII splits (test-v2, test-v3): Luhn for cards, mod 97 for IBANs,
// mod 11 for CPF, mod 23 for Spanish DNI, so every invented value in them is valid.
export function luhnComplete(partial: string): string {
  for (let check = 0; check <= 9; check++) {
    const digits = `${partial}${check}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

export function iban(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

export function cpf(nine: string): string {
  const digit = (base: string): number => {
    let sum = 0;
    for (let i = 0; i < base.length; i++) sum += Number(base[i]) * (base.length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  const first = digit(nine);
  const second = digit(`${nine}${first}`);
  const all = `${nine}${first}${second}`;
  return `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}`;
}

export function dni(number: string): string {
  return `${number}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(number) % 23]}`;
}

/** Dutch BSN: nine digits whose weighted sum (9…2, last digit −1) is a multiple of 11. */
export function bsn(eight: string): string {
  for (let check = 0; check <= 9; check++) {
    const all = `${eight}${check}`;
    let sum = -check;
    for (let i = 0; i < 8; i++) sum += Number(all[i]) * (9 - i);
    if (sum % 11 === 0) return all;
  }
  throw new Error(`no BSN check digit for ${eight}`);
}

/** Chinese resident ID: 17 digits and an ISO 7064 MOD 11-2 check character. */
export function chineseId(seventeen: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(seventeen[i]), 0);
  return `${seventeen}${'10X98765432'[sum % 11]}`;
}

/** UK NHS number: weights 10…2, check digit 11 − (sum mod 11), 11 → 0, 10 is never issued. */
export function nhsNumber(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10) throw new Error(`${nine} has no NHS check digit`);
  return `${nine.slice(0, 3)} ${nine.slice(3, 6)} ${nine.slice(6)}${check}`;
}
