/**
 * Open/close punctuation pairs (docutils.utils.punctuation_chars.match_chars):
 * inline markup whose start-string sits between a matching pair, like '*'
 * in "(*)", is not markup.
 */
import { PUNCTUATION_CLOSERS, PUNCTUATION_OPENERS, QUOTE_PAIRS } from '../unicode-data.js';

const openers = Array.from(PUNCTUATION_OPENERS);
const closers = Array.from(PUNCTUATION_CLOSERS);

export function matchChars(opener: string, closer: string): boolean {
  const index = openers.indexOf(opener);
  if (index < 0) return false;
  return closer === closers[index] || (QUOTE_PAIRS[opener] ?? '').includes(closer);
}
