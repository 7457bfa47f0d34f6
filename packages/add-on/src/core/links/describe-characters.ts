/**
 * Names the characters that make Stripe drop a value, in the words a marketer would use:
 * `a space`, `"/"`, `accented letters "é" and "ü"`, `an invisible character (U+200B)`.
 */

import { isAccentedLetter } from './clean';

const MAX_PHRASES = 6;
const MAX_EXAMPLES = 3;
const ALLOWED = /[A-Za-z0-9_-]/;
// ™ © ® are pictographic too, but nobody calls them emoji.
const EMOJI = /\p{Extended_Pictographic}/u;
const NOT_EMOJI = /[\u00a9\u00ae\u2122]/;
// Control and format characters: zero-width spaces, byte-order marks, soft hyphens, direction marks.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

type Position = 'leading' | 'inner' | 'trailing';

/** Kinds that are named once with their examples, rather than once per character. */
const GROUPS = {
  accented: ['an accented letter', 'accented letters'],
  emoji: ['an emoji', 'emoji'],
  nonAscii: ['a non-ASCII character', 'non-ASCII characters'],
  invisible: ['an invisible character', 'invisible characters'],
} as const;
type Group = keyof typeof GROUPS;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A fixed phrase for the character, or the group it is an example of. */
function classify(char: string, position: Position): { phrase: string } | { group: Group; example: string } {
  if (char === ' ') return { phrase: position === 'inner' ? 'a space' : `a ${position} space` };
  if (char === '\n' || char === '\r') return { phrase: 'a line break' };
  if (char === '\t') return { phrase: 'a tab' };
  if (char === '\u00a0') return { phrase: 'a non-breaking space' };
  if (INVISIBLE.test(char)) return { group: 'invisible', example: codePoint(char) };
  if (/\s/.test(char)) return { phrase: `an unusual space (${codePoint(char)})` };
  if (EMOJI.test(char) && !NOT_EMOJI.test(char)) return { group: 'emoji', example: `"${char}"` };
  if (isAccentedLetter(char)) return { group: 'accented', example: `"${char}"` };
  if (char.charCodeAt(0) > 0x7f) return { group: 'nonAscii', example: `"${char}"` };
  return { phrase: `"${char}"` };
}

function examplesInWords(examples: readonly string[]): string {
  const shown = examples.slice(0, MAX_EXAMPLES);
  if (examples.length > MAX_EXAMPLES) return `${shown.join(', ')}, ...`;
  return shown.length === 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

/** The offending characters of `text`, as phrases in the order they first appear; empty when all are allowed. */
export function describeInvalidCharacters(text: string): string[] {
  const chars = Array.from(text);
  const first = chars.findIndex((c) => !/\s/.test(c));
  let last = chars.length - 1;
  while (last >= 0 && /\s/.test(chars[last] ?? '')) last--;

  const order: string[] = [];
  const examples: Partial<Record<Group, string[]>> = {};
  chars.forEach((char, index) => {
    if (ALLOWED.test(char)) return;
    const position: Position = first === -1 || index < first ? 'leading' : index > last ? 'trailing' : 'inner';
    const kind = classify(char, position);
    if ('phrase' in kind) {
      if (order.indexOf(kind.phrase) === -1) order.push(kind.phrase);
      return;
    }
    const seen = (examples[kind.group] ??= []);
    if (seen.length === 0) order.push(kind.group);
    if (seen.indexOf(kind.example) === -1) seen.push(kind.example);
  });

  const phrases = order.map((item) => {
    const group = GROUPS[item as Group] as readonly [string, string] | undefined;
    if (group === undefined) return item;
    const seen = examples[item as Group] ?? [];
    const label = seen.length === 1 ? group[0] : group[1];
    return item === 'invisible' ? `${label} (${seen.slice(0, MAX_EXAMPLES).join(', ')})` : `${label} ${examplesInWords(seen)}`;
  });
  return phrases.length > MAX_PHRASES ? [...phrases.slice(0, MAX_PHRASES), 'other characters'] : phrases;
}
