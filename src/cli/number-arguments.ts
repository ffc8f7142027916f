// Parsers for numeric CLI flags: a value that is not a number (`--vote abc`) or out of range is
// refused by commander with the flag's name and the accepted range, never passed on as NaN.
import { InvalidArgumentError } from 'commander';

/** An integer flag within [min, max]. */
export function integerArgument(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}.`);
    }
    return number;
  };
}

/** A decimal number flag within [min, max]. */
export function numberArgument(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(number) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}.`);
    }
    return number;
  };
}
