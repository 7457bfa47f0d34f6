/**
 * Turns any text into a value Stripe keeps, keeping as much of its meaning as it can:
 * `Été 2024 / Promo` becomes `Ete_2024_Promo`. Cleaning a clean value changes nothing.
 */

import { UTM_MAX_LENGTH } from './stripe-rules';

export interface CleanOptions {
  /** Longest result; defaults to the UTM limit (150), which also suits client_reference_id (200). */
  maxLength?: number;
  lowercase?: boolean;
}

// Letters that Unicode does not decompose into an ASCII base letter plus a mark.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŋ: 'n',
  Ŋ: 'N',
};
const SPECIAL_LETTER_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}/gu;
// Apostrophes vanish rather than split a word: Mother's Day -> Mothers_Day.
const APOSTROPHES = /['\u2018\u2019\u02bc`\u00b4]/g;
const INVALID_RUN = /[^A-Za-z0-9_-]+/g;
const PERCENT_ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/** True for a letter that folds to plain ASCII letters: é, Å, ß, ø (not ™ or full-width Ａ, which are other characters). */
export function isAccentedLetter(char: string): boolean {
  if (SPECIAL_LETTERS[char] !== undefined) return true;
  const decomposed = char.normalize('NFD');
  return decomposed !== char && /^[A-Za-z]+$/.test(decomposed.replace(COMBINING_MARKS, ''));
}

/** Accents to ASCII: é -> e, ß -> ss, ﬁ -> fi, full-width Ａ -> A. Other characters are left alone. */
export function foldToAscii(text: string): string {
  if (/^[ -~]*$/.test(text)) return text;
  return text
    .replace(SPECIAL_LETTER_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '');
}

/** A value pasted from a URL (`Spring%20Sale`) means what it decodes to. Broken escapes stay as typed. */
function decodePercentEscapes(text: string): string {
  if (text.indexOf('%') === -1) return text;
  return text.replace(PERCENT_ESCAPES, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

export function cleanValue(text: string, options: CleanOptions = {}): string {
  const maxLength = options.maxLength ?? UTM_MAX_LENGTH;
  // Apostrophes go before folding too: NFKD turns U+00B4 into a space and a mark, which would split the word.
  const folded = foldToAscii(decodePercentEscapes(text).replace(APOSTROPHES, '')).replace(APOSTROPHES, '');
  // Runs of anything else become one `_`; at the ends they are dropped, as trimming would.
  let cleaned = folded.replace(INVALID_RUN, (run: string, offset: number) =>
    offset === 0 || offset + run.length === folded.length ? '' : '_',
  );
  if (options.lowercase) cleaned = cleaned.toLowerCase();
  return cleaned.length > maxLength ? cleaned.slice(0, maxLength) : cleaned;
}
