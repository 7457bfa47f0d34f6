/**
 * Compares a secret with a guess in time that does not depend on where they first differ, so the
 * webhook token cannot be learnt one character at a time from response times.
 */
export function constantTimeEqual(secret: string, guess: string): boolean {
  // Walk the full length of the guess whatever the secret's length, folding every difference in.
  let difference = secret.length ^ guess.length;
  for (let i = 0; i < guess.length; i++) {
    difference |= guess.charCodeAt(i) ^ (i < secret.length ? secret.charCodeAt(i) : 0);
  }
  return difference === 0 && secret.length > 0;
}
