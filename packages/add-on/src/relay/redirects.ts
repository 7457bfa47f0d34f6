/**
 * Which redirects the relay follows after its POST to APPS_SCRIPT_URL. Google answers doPost's
 * POST with a 302 to a one-time script.googleusercontent.com URL (one hop; a Workspace web app's
 * /a/macros/<domain>/ URL the same). The relay follows a redirect by hand (fetch's redirect:
 * 'manual'), and only when its target is
 *
 *   - https, on the default port, to exactly script.google.com or script.googleusercontent.com; or
 *   - the same origin (scheme, host and port) as APPS_SCRIPT_URL itself: the operator chose that
 *     server, so its own redirects are trusted as far as the URL is (the local playground and the
 *     tests run a front on http://127.0.0.1 whose /exec answers 302 to its own /echo/<id>);
 *
 * never with a user name or password in it, and at most MAX_REDIRECTS in a row. Anything else (a
 * downgrade to http, another port, another host, Google's sign-in page for a web app not deployed
 * for Anyone, javascript:, file:) is refused, and the relay answers Stripe 503 with the reason.
 */

/** Google's /exec gives one; a few more leave room without following a loop for long. */
export const MAX_REDIRECTS = 3;

/** Apps Script's hosts, over https on the default port only. */
export const APPS_SCRIPT_HOSTS: readonly string[] = ['script.google.com', 'script.googleusercontent.com'];

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** 307 and 308 repeat the request as it was; 301, 302 and 303 become a GET without a body (as fetch does for a POST). */
export function keepsMethod(status: number): boolean {
  return status === 307 || status === 308;
}

export type RedirectTarget = { ok: true; url: string } | { ok: false; reason: string };

/** What a refusal names: the target's origin, or its scheme; never its path or query. */
function named(target: URL): string {
  if (target.username !== '' || target.password !== '') return 'a URL with a user name or password';
  if (target.protocol === 'http:' || target.protocol === 'https:') return target.origin;
  return `a ${target.protocol} URL`;
}

/**
 * The URL to follow a redirect to, or why not (a sentence about the web app). `location` is the
 * Location header of the `status` answer (null when absent), resolved against `from`, the URL
 * that answered; `configured` is APPS_SCRIPT_URL.
 */
export function redirectTarget(status: number, location: string | null, from: string, configured: string): RedirectTarget {
  if (location === null || location.trim() === '') return { ok: false, reason: `the web app answered HTTP ${status} without a Location` };
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return { ok: false, reason: 'the web app redirected to a Location that is not a URL' };
  }
  const appsScript = target.protocol === 'https:' && target.port === '' && APPS_SCRIPT_HOSTS.includes(target.hostname);
  const sameOrigin = (target.protocol === 'http:' || target.protocol === 'https:') && target.origin === new URL(configured).origin;
  if (target.username === '' && target.password === '' && (appsScript || sameOrigin)) return { ok: true, url: target.href };
  return {
    ok: false,
    reason: `the web app redirected to ${named(target)}, which the relay does not follow (only ${APPS_SCRIPT_HOSTS.map((host) => `https://${host}`).join(', ')} and APPS_SCRIPT_URL's own origin)`,
  };
}
