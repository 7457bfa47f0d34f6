/** Utilities (a UUID, a sleep that does not block), Session (no member implemented), and the SimpleDateFormat display values use. */
import { formatSimpleDate } from '../../src/services/date-format';
import { fakes } from './fixtures';

describe('Utilities', () => {
  it('sleeps without blocking and records the time', () => {
    const { Utilities, services } = fakes();
    const start = Date.now();
    Utilities.sleep(200000);
    Utilities.sleep(1500);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(services.stats().sleptMs).toBe(201500);
    expect(() => {
      Utilities.sleep(300001);
    }).toThrow('Invalid argument: milliseconds');
  });

  it('makes UUIDs', () => {
    const { Utilities } = fakes();
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('names what it does not implement, on Session too', () => {
    const { Utilities, Session } = fakes();
    expect(() => Utilities.base64Encode('x')).toThrow('Utilities.base64Encode is not implemented by the local Apps Script runtime');
    expect(() => Session.getActiveUser()).toThrow(
      'Session.getActiveUser is not implemented by the local Apps Script runtime (packages/tools/src/services): add it, following https://developers.google.com/apps-script/reference/base/session',
    );
  });
});

describe('SimpleDateFormat (display values of dates)', () => {
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
  it.each(formats)('in %s, %j is %j', (timeZone, pattern, expected) => {
    expect(formatSimpleDate(date, timeZone, pattern)).toBe(expected);
  });

  it('throws on a pattern letter SimpleDateFormat does not know', () => {
    expect(() => formatSimpleDate(date, 'Etc/UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });
});
