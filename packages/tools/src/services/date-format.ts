/**
 * Time zones and Java SimpleDateFormat patterns, as display values of dates and Sheets' date parsing
 * need them, built on Intl (no dependency).
 */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // local minus UTC
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A time zone Intl knows, or 'UTC' for one it does not (Java's TimeZone falls back to GMT). */
export function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: knownTimeZone(timeZone),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const time = date.getTime();
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const millisecond = ((time % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const utc = new Date(asUtc);
  utc.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
    offsetMinutes: Math.round((utc.getTime() - time) / 60000),
  };
}

/** The instant at which the wall clock in `timeZone` shows this date and time. */
export function zonedTimeToDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): Date {
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  wall.setUTCFullYear(year);
  let guess = wall.getTime();
  // Two rounds settle the offset, including across a DST change.
  for (let i = 0; i < 2; i++) guess = wall.getTime() - zonedParts(new Date(guess), timeZone).offsetMinutes * 60000;
  return new Date(guess);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(value: number, width: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).padStart(width, '0');
}

function offsetText(offsetMinutes: number, colon: boolean, minutes: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (!minutes) return `${sign}${hh}`;
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

function zoneName(date: Date, timeZone: string, long: boolean): string {
  const zone = knownTimeZone(timeZone);
  if (zone === 'UTC' || zone === 'Etc/UTC') return long ? 'Coordinated Universal Time' : 'UTC';
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: long ? 'long' : 'short' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName');
  return name?.value ?? zone;
}

function dayOfYear(parts: ZonedParts): number {
  const start = new Date(Date.UTC(2000, 0, 1));
  start.setUTCFullYear(parts.year, 0, 1);
  const day = new Date(Date.UTC(2000, 0, 1));
  day.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  return Math.round((day.getTime() - start.getTime()) / 86400000) + 1;
}

/**
 * Formats like Java's SimpleDateFormat (what Apps Script's Utilities.formatDate uses): G y Y M L d D E u a H k K h
 * m s S z Z X, and literal text in single quotes ('' is an apostrophe). Other letters throw, as Java does.
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end === -1) throw new Error('Unterminated quote');
      // Inside quotes, '' is an apostrophe too.
      let j = i + 1;
      let literal = '';
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close === -1) throw new Error('Unterminated quote');
        literal += pattern.slice(j, close);
        if (pattern.charAt(close + 1) === "'") {
          literal += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out += literal;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n += 1;
    i += n;
    out += field(ch, n, p, date, timeZone);
  }
  return out;
}

function field(ch: string, n: number, p: ZonedParts, date: Date, timeZone: string): string {
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  switch (ch) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return n === 2 ? pad(((p.year % 100) + 100) % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L': {
      const name = MONTHS[p.month - 1] ?? '';
      if (n >= 4) return name;
      if (n === 3) return name.slice(0, 3);
      return pad(p.month, n);
    }
    case 'd':
      return pad(p.day, n);
    case 'D':
      return pad(dayOfYear(p), n);
    case 'E': {
      const name = DAYS[p.weekday] ?? '';
      return n >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'h':
      return pad(hour12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.millisecond, n);
    case 'z':
      return zoneName(date, timeZone, n >= 4);
    case 'Z':
      return offsetText(p.offsetMinutes, false, true);
    case 'X':
      if (p.offsetMinutes === 0) return 'Z';
      return offsetText(p.offsetMinutes, n >= 3, n >= 2);
    default:
      throw new Error(`Illegal pattern character '${ch}'`);
  }
}
