/** Checks one tracking value the way Stripe will, and says what is wrong and what would work. */

import { readCell } from '../helpers/cell-value';
import { cleanValue } from './clean';
import { describeInvalidCharacters } from './describe-characters';
import { pastedValue } from './pasted-query';
import { listInWords, quote, type Problem } from './problem';
import { isAcceptedValue, maxLengthOf, type TrackingParameter } from './stripe-rules';

export type ValueCheck = { status: 'empty' } | { status: 'valid'; text: string } | { status: 'invalid'; problem: Problem };

const DROPPED = 'Stripe would drop it';

/** The replacement a user is offered for `text`, or undefined when nothing usable is left. */
export function suggestValue(parameter: TrackingParameter, text: string): string | undefined {
  // `utm_source=facebook` means facebook: the name pasted with it is no part of the value.
  const meant = pastedValue(parameter, text) ?? text;
  const cleaned = cleanValue(meant, { maxLength: maxLengthOf(parameter) });
  return cleaned === '' ? undefined : cleaned;
}

function tryHint(suggestion: string | undefined): string {
  return suggestion === undefined ? 'Type it again with only letters, digits, - and _' : `Try ${suggestion}`;
}

/** Validates text already known to be non-empty. */
export function checkText(parameter: TrackingParameter, text: string): ValueCheck {
  if (isAcceptedValue(parameter, text)) return { status: 'valid', text };

  if (text !== '' && text.trim() === '') {
    return {
      status: 'invalid',
      problem: {
        parameter,
        code: 'only_spaces',
        reason: `is only spaces; ${DROPPED}. Clear the cell or type a value`,
      },
    };
  }

  const pasted = pastedValue(parameter, text);
  if (pasted !== undefined) return pastedProblem(parameter, text, suggestValue(parameter, text));

  const limit = maxLengthOf(parameter);
  const length = Array.from(text).length;
  const characters = describeInvalidCharacters(text);
  const suggestion = suggestValue(parameter, text);
  const tooLong = `${length} characters long (Stripe's limit is ${limit})`;
  const reason =
    characters.length === 0
      ? `is ${tooLong}; ${DROPPED}. ${tryHint(suggestion)}`
      : `${quote(text)} has ${listInWords(characters)}${length > limit ? ` and is ${tooLong}` : ''}; ${DROPPED}. ${tryHint(suggestion)}`;
  return {
    status: 'invalid',
    problem: {
      parameter,
      code: characters.length === 0 ? 'too_long' : 'invalid_characters',
      reason,
      ...(suggestion === undefined ? {} : { suggestion }),
    },
  };
}

/** A link's query (or part of one) pasted as the value: say so, and offer the value it carries for `parameter`. */
function pastedProblem(parameter: TrackingParameter, text: string, suggestion: string | undefined): ValueCheck {
  const hint = suggestion === undefined ? `Type only the ${parameter} value` : `Try ${suggestion}`;
  return {
    status: 'invalid',
    problem: {
      parameter,
      code: 'invalid_characters',
      reason: `${quote(text)} is part of a link (name=value pairs), not a value; ${DROPPED}. ${hint}`,
      ...(suggestion === undefined ? {} : { suggestion }),
    },
  };
}

/** Validates whatever a cell holds: text, a number (written as text), or something that is not text. */
export function checkValue(parameter: TrackingParameter, value: unknown): ValueCheck {
  const cell = readCell(value);
  if (cell.kind === 'empty') return { status: 'empty' };
  if (cell.kind === 'not_text') {
    return { status: 'invalid', problem: { parameter, code: 'not_text', reason: cell.reason } };
  }
  return checkText(parameter, cell.text);
}
