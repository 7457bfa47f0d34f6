/** The page's calls to the playground's HTTP API. */
import type { StateView } from '../api-types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported below
  }
  if (!response.ok) {
    const error = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : text.slice(0, 200);
    throw new ApiError(response.status, error);
  }
  return body as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return answer<T>(response);
}

export async function getState(query: { since?: number; sheet?: string }): Promise<StateView> {
  const params = new URLSearchParams();
  if (query.since !== undefined) params.set('since', String(query.since));
  if (query.sheet !== undefined) params.set('sheet', query.sheet);
  const search = params.toString();
  const response = await fetch(`/api/state${search === '' ? '' : `?${search}`}`);
  return answer<StateView>(response);
}
