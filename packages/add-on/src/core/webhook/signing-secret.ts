/**
 * Whether a value can be a Stripe webhook signing secret, before anything signs or checks with it.
 * A relay started with the `whsec_...` of an example checks every delivery against that literal
 * text: each real delivery is then refused as badly signed, and anyone who reads the example can
 * sign for it. So the relay (and the playground) refuse such a value at once and say where the
 * real one is. Never repeats the value: a mistyped real secret must not land in a log.
 */

import { countOf } from '../helpers/count-of';

/** The variable the relay and the playground read the secret from. */
export const SIGNING_SECRET_VARIABLE = 'STRIPE_WEBHOOK_SECRET';

/**
 * Stripe's secrets are `whsec_` and 32 (Dashboard) or 64 (`stripe listen`) letters and digits; 16
 * is well below either and above any placeholder word (`whsec_secret`, `whsec_xxx`).
 */
export const MIN_SECRET_CHARACTERS = 16;

const PREFIX = 'whsec_';

/** Where the value comes from, said the same way wherever a secret is refused. */
export const WHERE_TO_FIND_THE_SECRET =
  "Find it in the Stripe Dashboard under Developers > Webhooks > your endpoint > Signing secret (Reveal), or copy the whsec_ value that `stripe listen` prints; for the playground's own relay, use the command its start-up banner prints.";

/** Why `value` cannot be a signing secret (a sentence naming the variable and the fix), or null when it can. */
export function signingSecretProblem(value: string | undefined, variable: string = SIGNING_SECRET_VARIABLE): string | null {
  const why = reason(value);
  return why === null ? null : `${variable} ${why}: set it to your endpoint's signing secret. ${WHERE_TO_FIND_THE_SECRET}`;
}

function reason(value: string | undefined): string | null {
  if (value === undefined || value === '') return 'is not set';
  if (value.includes('...') || value.includes('…') || value.includes('<') || value.includes('>')) {
    return 'is a placeholder from an example, not a signing secret';
  }
  if (/\s/.test(value)) return 'has a space or a line break in it (copied with the text around it?)';
  if (!value.startsWith(PREFIX)) return `does not start with ${PREFIX}, as every Stripe signing secret does`;
  const rest = value.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_]*$/.test(rest)) return `has characters no signing secret has (after ${PREFIX} come only letters and digits)`;
  if (rest.length < MIN_SECRET_CHARACTERS) {
    return `is too short to be a signing secret (${countOf(rest.length, 'character')} after ${PREFIX}; Stripe's have 32 or more)`;
  }
  return null;
}
