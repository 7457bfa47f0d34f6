/**
 * Keeping the relay's two secrets out of what it writes: the signing secret, and the web app's
 * token (the `?token=` of APPS_SCRIPT_URL), which is all that stands between the internet and
 * the sheet.
 */

const REDACTED = '[redacted]';

/** The URL with its token replaced, for a line that says where the relay forwards. */
export function maskUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => (/^token=/i.test(pair) ? 'token=***' : pair))
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

/** The token of APPS_SCRIPT_URL, as written there, or null when it has none. */
export function tokenOf(url: string): string | null {
  const match = /[?&]token=([^&#]*)/i.exec(url);
  return match?.[1] ? match[1] : null;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Replaces every occurrence of the secrets (and the token, as written and decoded) in a text. */
export function redactor(secret: string, url: string): (text: string) => string {
  const token = tokenOf(url);
  const hidden = [secret, url, ...(token === null ? [] : [token, decoded(token), encodeURIComponent(decoded(token))])]
    .filter((value) => value.length > 0)
    // Longest first, so the URL goes before the token inside it.
    .sort((a, b) => b.length - a.length);
  return (text) => hidden.reduce((result, value) => result.split(value).join(REDACTED), text);
}
