/** Utilities and Session: known vectors as Apps Script's signed bytes, SimpleDateFormat, a sleep that does not block. */
import { fakes, signedBytes } from './fixtures';

describe('Utilities', () => {
  it('computes HMAC-SHA256 as signed bytes (RFC 4231-style vector)', () => {
    const { Utilities } = fakes();
    const expected = signedBytes('6e9ef29b75fffc5b7abae527d58fdadb2fe42e7219011976917343065f58ed4a');
    expect(Utilities.computeHmacSha256Signature('message', 'key')).toEqual(expected);
    expect(expected.some((b) => b < 0)).toBe(true);
    const bytes = (s: string) => signedBytes(Buffer.from(s).toString('hex'));
    expect(Utilities.computeHmacSha256Signature(bytes('message'), bytes('key'))).toEqual(expected);
    expect(Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, 'message', 'key')).toEqual(expected);
  });

  it('computes digests as signed bytes', () => {
    const { Utilities } = fakes();
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc')).toEqual(
      signedBytes('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    );
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, '')).toEqual(signedBytes('d41d8cd98f00b204e9800998ecf8427e'));
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, 'abc')).toEqual(signedBytes('a9993e364706816aba3e25717850c26c9cd0d89d'));
  });

  it('encodes and decodes base64, plain and web-safe', () => {
    const { Utilities } = fakes();
    expect(Utilities.base64Encode('hello')).toBe('aGVsbG8=');
    expect(Utilities.base64Decode('aGVsbG8=')).toEqual([104, 101, 108, 108, 111]);
    expect(Utilities.base64Encode([-1, 0, 127, -128])).toBe('/wB/gA==');
    expect(Utilities.base64EncodeWebSafe([-1, 0, 127, -128])).toBe('_wB_gA==');
    expect(Utilities.base64DecodeWebSafe('_wB_gA==')).toEqual([-1, 0, 127, -128]);
    expect(Utilities.base64Encode('é')).toBe('w6k=');
    expect(() => Utilities.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  const date = new Date(Date.UTC(2024, 0, 5, 13, 4, 9, 7));
  const formats: [string, string, string][] = [
    ['Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'", '2024-01-05T13:04:09Z'],
    ['Etc/UTC', 'yyyy-MM-dd HH:mm:ss.SSS', '2024-01-05 13:04:09.007'],
    ['America/New_York', 'yyyy-MM-dd HH:mm z', '2024-01-05 08:04 EST'],
    ['America/New_York', 'Z', '-0500'],
    ['Asia/Tokyo', 'yyyy-MM-dd HH:mmXXX', '2024-01-05 22:04+09:00'],
    ['Etc/UTC', 'X', 'Z'],
    ['Etc/UTC', 'EEE, d MMM yyyy', 'Fri, 5 Jan 2024'],
    ['Etc/UTC', 'EEEE d MMMM yy', 'Friday 5 January 24'],
    ['Etc/UTC', 'h:mm a', '1:04 PM'],
    ['Etc/UTC', "h 'o''clock'", "1 o'clock"],
    ['Etc/UTC', "''yyyy''", "'2024'"],
    ['Etc/UTC', 'D', '5'],
    ['Not/AZone', 'HH:mm', '13:04'],
  ];
  it.each(formats)('formatDate in %s with %j is %j', (timeZone, pattern, expected) => {
    expect(fakes().Utilities.formatDate(date, timeZone, pattern)).toBe(expected);
  });

  it('throws on a pattern letter SimpleDateFormat does not know', () => {
    expect(() => fakes().Utilities.formatDate(date, 'Etc/UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  it('sleeps without blocking and records the time', () => {
    const { Utilities, services } = fakes();
    const start = Date.now();
    Utilities.sleep(200000);
    Utilities.sleep(1500);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(services.stats().sleptMs).toBe(201500);
    expect(() => { Utilities.sleep(300001); }).toThrow('Invalid argument: milliseconds');
  });

  it('makes UUIDs and blobs', () => {
    const { Utilities } = fakes();
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const blob = Utilities.newBlob('héllo', 'text/plain', 'a.txt');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName(), blob.getBytes().length]).toEqual(['héllo', 'text/plain', 'a.txt', 6]);
    expect(Utilities.base64Encode(blob.getBytes())).toBe(Buffer.from('héllo').toString('base64'));
  });
});

describe('Session', () => {
  it('knows the script time zone and the user, who is anonymous in a web app', () => {
    const { Session, services } = fakes({ userEmail: 'me@example.com', scriptTimeZone: 'Europe/Paris' });
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getActiveUser().getEmail()).toBe('me@example.com');
    services.setContext('webapp');
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('me@example.com');
  });

  it('takes the time zone from appsscript.json by default', () => {
    expect(fakes().Session.getScriptTimeZone()).toBe('Etc/UTC');
  });
});
