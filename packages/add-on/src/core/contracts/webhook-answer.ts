/**
 * What doPost answers, as JSON: the one wire contract between the web app, the local web app and
 * playground, and the relay that turns it into a status for Stripe (200, or 503 when `retry`).
 */

/** What a delivery did to the ledger: the one list, which the relay passes through and nothing else. */
export const ANSWER_RESULTS = ['inserted', 'updated', 'unchanged', 'ignored'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];
/** What an upsert did to a session's row (an ignored event makes none). */
export type UpsertAction = Exclude<AnswerResult, 'ignored'>;

export function isAnswerResult(value: unknown): value is AnswerResult {
  return typeof value === 'string' && (ANSWER_RESULTS as readonly string[]).indexOf(value) !== -1;
}

export interface WebhookAnswer {
  ok: boolean;
  error?: string;
  /** Present, and true, when a later delivery of the same event could succeed. */
  retry?: true;
  event?: string;
  session?: string;
  result?: AnswerResult;
  note?: string;
  /** Whether the event was confirmed with Stripe's API (a key is connected). */
  verified?: boolean;
}

/** Reads a body as a WebhookAnswer, or null when it is not one (Google's HTML error page, say). */
export function readWebhookAnswer(body: string): WebhookAnswer | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || typeof (json as { ok?: unknown }).ok !== 'boolean') return null;
  return json as WebhookAnswer;
}
