/**
 * Utilities (UUIDs, a sleep that does not block, base64, digests, HMAC, formatDate, blobs) and
 * Session. Byte arrays are Apps Script's: signed bytes, -128..127.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { formatSimpleDate } from './date-format';
import { facade, isDate, stringOf, textOf, unwrapFacade, type ServiceEnvironment } from './script-realm';

export const DIGEST_ALGORITHM = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const;
export const MAC_ALGORITHM = { HMAC_MD5: 'HMAC_MD5', HMAC_SHA_1: 'HMAC_SHA_1', HMAC_SHA_256: 'HMAC_SHA_256', HMAC_SHA_384: 'HMAC_SHA_384', HMAC_SHA_512: 'HMAC_SHA_512' } as const;
export const CHARSET = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const NODE_HMAC: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

/** Bytes as Apps Script hands them to scripts: signed, -128..127. */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

/** A byte array from the script (signed or unsigned numbers) as bytes. */
export function fromByteArray(bytes: unknown[]): Buffer {
  return Buffer.from(bytes.map((b) => Number(b) & 0xff));
}

/** A string (encoded in the charset) or a byte array, as bytes. */
export function bytesOf(value: unknown, charset?: unknown): Buffer {
  if (Array.isArray(value)) return fromByteArray(value as unknown[]);
  const blob = unwrapFacade(value);
  if (blob instanceof BlobImpl) return blob.bytes();
  const text = stringOf(value);
  return charset === CHARSET.US_ASCII ? Buffer.from(text, 'ascii') : Buffer.from(text, 'utf8');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_WEB_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

function decodeBase64(encoded: unknown, webSafe: boolean): Buffer {
  const text = stringOf(encoded).replace(/\s+/g, '');
  if (!(webSafe ? BASE64_WEB_SAFE : BASE64).test(text)) throw new Error('Could not decode string.');
  return Buffer.from(webSafe ? text.replace(/-/g, '+').replace(/_/g, '/') : text, 'base64');
}

export class BlobImpl {
  private data: Buffer;
  private contentType: string | null;
  private name: string | null;

  constructor(
    private readonly env: ServiceEnvironment,
    data: Buffer,
    contentType: string | null = null,
    name: string | null = null,
  ) {
    this.data = data;
    this.contentType = contentType;
    this.name = name;
  }

  /** @internal */
  bytes(): Buffer {
    return Buffer.from(this.data);
  }

  getBytes(): number[] {
    return this.env.realm.array(toSignedBytes(this.data));
  }

  setBytes(data: unknown): this {
    this.data = bytesOf(data);
    return this._self();
  }

  getDataAsString(charset?: unknown): string {
    return charset === CHARSET.US_ASCII ? this.data.toString('ascii') : this.data.toString('utf8');
  }

  setDataFromString(text: unknown, charset?: unknown): this {
    this.data = bytesOf(textOf(text), charset);
    return this._self();
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: unknown): this {
    this.contentType = contentType === null || contentType === undefined ? null : stringOf(contentType);
    return this._self();
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: unknown): this {
    this.name = name === null || name === undefined ? null : stringOf(name);
    return this._self();
  }

  isGoogleType(): boolean {
    return false;
  }

  copyBlob(): BlobImpl {
    return facade(new BlobImpl(this.env, this.bytes(), this.contentType, this.name), this.env.realm, { name: 'Blob' });
  }

  getBlob(): this {
    return this._self();
  }

  private _self(): this {
    return facade(this, this.env.realm, { name: 'Blob' });
  }
}

export function newBlob(env: ServiceEnvironment, data: unknown, contentType?: unknown, name?: unknown): BlobImpl {
  return facade(
    new BlobImpl(env, bytesOf(data ?? ''), contentType === undefined || contentType === null ? null : stringOf(contentType), name === undefined || name === null ? null : stringOf(name)),
    env.realm,
    { name: 'Blob' },
  );
}

export class UtilitiesFake {
  /** Total milliseconds the script asked Utilities.sleep for (nothing actually waits). */
  sleptMs = 0;
  /** The Utilities global. */
  readonly service: object;

  constructor(private readonly env: ServiceEnvironment) {
    const realm = env.realm;
    const signed = (buffer: Buffer): number[] => realm.array(toSignedBytes(buffer));
    this.service = facade(
      {
        DigestAlgorithm: DIGEST_ALGORITHM,
        MacAlgorithm: MAC_ALGORITHM,
        Charset: CHARSET,
        getUuid: () => randomUUID(),
        sleep: (milliseconds: unknown) => {
          const ms = Number(milliseconds);
          if (!(ms >= 0 && ms <= 300000)) throw new Error('Invalid argument: milliseconds');
          this.sleptMs += ms;
        },
        base64Encode: (data: unknown, charset?: unknown) => bytesOf(data, charset).toString('base64'),
        base64EncodeWebSafe: (data: unknown, charset?: unknown) => bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
        base64Decode: (encoded: unknown) => signed(decodeBase64(encoded, false)),
        base64DecodeWebSafe: (encoded: unknown) => signed(decodeBase64(encoded, true)),
        computeDigest: (algorithm: unknown, value: unknown, charset?: unknown) => {
          const name = NODE_DIGEST[stringOf(algorithm)];
          if (name === undefined) throw new Error(`Digest algorithm not available locally: ${stringOf(algorithm)}`);
          return signed(createHash(name).update(bytesOf(value, charset)).digest());
        },
        computeHmacSignature: (algorithm: unknown, value: unknown, key: unknown, charset?: unknown) => {
          const name = NODE_HMAC[stringOf(algorithm)];
          if (name === undefined) throw new Error('Invalid argument: algorithm');
          return signed(createHmac(name, bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
        },
        computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) =>
          signed(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
        formatDate: (date: unknown, timeZone: unknown, format: unknown) => {
          if (!isDate(date)) throw new Error(`The parameters (${typeof date},${typeof timeZone},${typeof format}) don't match the method signature for Utilities.formatDate.`);
          return formatSimpleDate(date, stringOf(timeZone), stringOf(format));
        },
        newBlob: (data: unknown, contentType?: unknown, name?: unknown) => newBlob(env, data, contentType, name),
      },
      realm,
      { name: 'Utilities' },
    );
  }
}

export interface SessionOptions {
  scriptTimeZone: string;
  /** The deploying user: the effective user everywhere, the active user in the editor and triggers. */
  userEmail: string;
}

/**
 * The Session global. getActiveUser() is '' in a web app run by an anonymous caller (Stripe) and in a
 * custom function, as Apps Script gives no identity there; the deploying user elsewhere.
 */
export function createSession(env: ServiceEnvironment, options: SessionOptions): object {
  const user = (email: () => string): object => facade({ getEmail: email }, env.realm, { name: 'User' });
  return facade(
    {
      getScriptTimeZone: () => options.scriptTimeZone,
      getActiveUserLocale: () => 'en',
      getTemporaryActiveUserKey: () => 'local-temporary-user-key',
      getActiveUser: () => user(() => (env.execution.context === 'webapp' || env.execution.context === 'custom_function' ? '' : options.userEmail)),
      getEffectiveUser: () => user(() => options.userEmail),
    },
    env.realm,
    { name: 'Session' },
  );
}
