/**
 * Splits and decodes a link's query the way a browser's form decoder would, without the `URL`
 * class (Apps Script has none). Segments are kept exactly as written so a link can be rebuilt
 * byte for byte.
 */

export interface LinkParts {
  /** Everything before the first `?` or `#`. */
  base: string;
  /** The query between `?` and `#`, `null` when there is no `?`. */
  query: string | null;
  /** The fragment after `#`, `null` when there is no `#`. */
  fragment: string | null;
}

export function splitLink(link: string): LinkParts {
  const hash = link.indexOf('#');
  const beforeHash = hash === -1 ? link : link.slice(0, hash);
  const fragment = hash === -1 ? null : link.slice(hash + 1);
  const question = beforeHash.indexOf('?');
  return question === -1
    ? { base: beforeHash, query: null, fragment }
    : { base: beforeHash.slice(0, question), query: beforeHash.slice(question + 1), fragment };
}

export function joinLink(parts: LinkParts): string {
  return parts.base + (parts.query === null ? '' : `?${parts.query}`) + (parts.fragment === null ? '' : `#${parts.fragment}`);
}

/** `+` is a space and `%XX` a UTF-8 byte, as in application/x-www-form-urlencoded; null when malformed. */
export function decodeQueryComponent(component: string): string | null {
  const spaced = component.indexOf('+') === -1 ? component : component.replace(/\+/g, ' ');
  if (spaced.indexOf('%') === -1) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return null;
  }
}

export interface QueryParameter {
  /** Decoded name, or null when its encoding is malformed. */
  name: string | null;
  /** Decoded value, or null when its encoding is malformed. */
  value: string | null;
  /** The segment exactly as it stands between `&`s. */
  raw: string;
}

export function parseQuery(query: string): QueryParameter[] {
  if (query === '') return [];
  return query.split('&').map((raw) => {
    const equals = raw.indexOf('=');
    const name = equals === -1 ? raw : raw.slice(0, equals);
    const value = equals === -1 ? '' : raw.slice(equals + 1);
    return { name: decodeQueryComponent(name), value: decodeQueryComponent(value), raw };
  });
}
