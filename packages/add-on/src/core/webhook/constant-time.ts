/**
 * Compares a secret with a guess in time that does not depend on where they first differ, so a
 * secret cannot be learnt one character at a time from response times. The one compare for every
 * secret: the webhook token (gas/reconciliation/webhook.ts) and the relay's v1 signatures
 * (relay/signature.ts).
 *
 * The time taken depends only on the guess's length (the caller's own input), never on the
 * secret's. An empty secret never matches anything, an empty guess included: a token or signing
 * secret that was never set must refuse every request, not accept an empty one.
 */
export function constantTimeEqual(secret: string, guess: string): boolean {
  // Walk the full length of the guess whatever the secret's length, folding every difference in.
  let difference = secret.length ^ guess.length;
  for (let i = 0; i < guess.length; i++) {
    difference |= guess.charCodeAt(i) ^ (i < secret.length ? secret.charCodeAt(i) : 0);
  }
  return difference === 0 && secret.length > 0;
}
