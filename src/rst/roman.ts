/**
 * Roman numerals as the `roman` module docutils uses converts them
 * (values 0..4999, "N" for zero, strict numeral syntax).
 */
export class RomanError extends Error {}
export class InvalidRomanNumeralError extends RomanError {}

const NUMERALS: readonly [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

const VALID = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})(?=\n?$)/;

export function toRoman(value: number): string {
  if (!Number.isInteger(value)) throw new RomanError('decimals can not be converted');
  if (!(value > -1 && value < 5000)) throw new RomanError('number out of range (must be 0..4999)');
  if (value === 0) return 'N';
  let result = '';
  let rest = value;
  for (const [numeral, amount] of NUMERALS) {
    while (rest >= amount) {
      result += numeral;
      rest -= amount;
    }
  }
  return result;
}

export function fromRoman(text: string): number {
  if (!text) throw new InvalidRomanNumeralError('Input can not be blank');
  if (text === 'N') return 0;
  if (!VALID.test(text)) throw new InvalidRomanNumeralError(`Invalid Roman numeral: ${text}`);
  let result = 0;
  let index = 0;
  for (const [numeral, amount] of NUMERALS) {
    while (text.slice(index, index + numeral.length) === numeral) {
      result += amount;
      index += numeral.length;
    }
  }
  return result;
}
