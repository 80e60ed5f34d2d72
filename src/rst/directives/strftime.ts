/**
 * C's strftime in the "C" locale, as Python's time.strftime calls it on
 * glibc (the "date" directive formats the current local time with it).
 * Conversions glibc does not know are copied through unchanged.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MILLISECONDS_PER_DAY = 86_400_000;

function pad(value: number, width: number, fill = '0'): string {
  return String(value).padStart(width, fill);
}

/** A date's calendar fields in local time or in UTC (Python's localtime() or gmtime()). */
interface Fields {
  getFullYear(): number;
  getMonth(): number;
  getDate(): number;
  getDay(): number;
  getHours(): number;
  getMinutes(): number;
  getSeconds(): number;
  getTime(): number;
  getTimezoneOffset(): number;
  utc: boolean;
  date: Date;
}

function fieldsOf(date: Date, utc: boolean): Fields {
  if (!utc) {
    return {
      getFullYear: () => date.getFullYear(),
      getMonth: () => date.getMonth(),
      getDate: () => date.getDate(),
      getDay: () => date.getDay(),
      getHours: () => date.getHours(),
      getMinutes: () => date.getMinutes(),
      getSeconds: () => date.getSeconds(),
      getTime: () => date.getTime(),
      getTimezoneOffset: () => date.getTimezoneOffset(),
      utc,
      date,
    };
  }
  return {
    getFullYear: () => date.getUTCFullYear(),
    getMonth: () => date.getUTCMonth(),
    getDate: () => date.getUTCDate(),
    getDay: () => date.getUTCDay(),
    getHours: () => date.getUTCHours(),
    getMinutes: () => date.getUTCMinutes(),
    getSeconds: () => date.getUTCSeconds(),
    getTime: () => date.getTime(),
    getTimezoneOffset: () => 0,
    utc,
    date,
  };
}

function dayOfYear(date: Fields): number {
  const utcDate = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const utcStart = Date.UTC(date.getFullYear(), 0, 1);
  return Math.round((utcDate - utcStart) / MILLISECONDS_PER_DAY);
}

/** [ISO 8601 week-based year, ISO week number]. */
function isoWeek(date: Fields): [number, number] {
  const utc = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = utc.getUTCDay() || 7;
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(utc.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((utc.getTime() - yearStart) / MILLISECONDS_PER_DAY + 1) / 7);
  return [utc.getUTCFullYear(), week];
}

function timeZoneName(fields: Fields): string {
  // time.gmtime() has no zone name of its own: glibc prints "GMT".
  if (fields.utc) return 'GMT';
  const date = fields.date;
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(date)
    .find((item) => item.type === 'timeZoneName');
  return part?.value ?? '';
}

function timeZoneOffset(date: Fields): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60), 2)}${pad(absolute % 60, 2)}`;
}

function conversion(code: string, date: Fields): string | null {
  const hours = date.getHours();
  const hours12 = hours % 12 === 0 ? 12 : hours % 12;
  const yday = dayOfYear(date);
  switch (code) {
    case 'a':
      return DAYS[date.getDay()]!.slice(0, 3);
    case 'A':
      return DAYS[date.getDay()]!;
    case 'b':
    case 'h':
      return MONTHS[date.getMonth()]!.slice(0, 3);
    case 'B':
      return MONTHS[date.getMonth()]!;
    case 'c':
      return format('%a %b %e %H:%M:%S %Y', date);
    case 'C':
      return pad(Math.floor(date.getFullYear() / 100), 2);
    case 'd':
      return pad(date.getDate(), 2);
    case 'D':
    case 'x':
      return format('%m/%d/%y', date);
    case 'e':
      return pad(date.getDate(), 2, ' ');
    case 'F':
      return format('%Y-%m-%d', date);
    case 'G':
      return String(isoWeek(date)[0]);
    case 'g':
      return pad(isoWeek(date)[0] % 100, 2);
    case 'H':
      return pad(hours, 2);
    case 'I':
      return pad(hours12, 2);
    case 'j':
      return pad(yday + 1, 3);
    case 'k':
      return pad(hours, 2, ' ');
    case 'l':
      return pad(hours12, 2, ' ');
    case 'm':
      return pad(date.getMonth() + 1, 2);
    case 'M':
      return pad(date.getMinutes(), 2);
    case 'n':
      return '\n';
    case 'p':
      return hours < 12 ? 'AM' : 'PM';
    case 'P':
      return hours < 12 ? 'am' : 'pm';
    case 'r':
      return format('%I:%M:%S %p', date);
    case 'R':
      return format('%H:%M', date);
    case 's':
      return String(Math.floor(date.getTime() / 1000));
    case 'S':
      return pad(date.getSeconds(), 2);
    case 't':
      return '\t';
    case 'T':
    case 'X':
      return format('%H:%M:%S', date);
    case 'u':
      return String(date.getDay() || 7);
    case 'U':
      return pad(Math.floor((yday + 7 - date.getDay()) / 7), 2);
    case 'V':
      return pad(isoWeek(date)[1], 2);
    case 'w':
      return String(date.getDay());
    case 'W':
      return pad(Math.floor((yday + 7 - ((date.getDay() + 6) % 7)) / 7), 2);
    case 'y':
      return pad(date.getFullYear() % 100, 2);
    case 'Y':
      return String(date.getFullYear());
    case 'z':
      return timeZoneOffset(date);
    case 'Z':
      return timeZoneName(date);
    case '%':
      return '%';
    default:
      return null;
  }
}

/** time.strftime(format, localtime(date)), or gmtime(date) when `utc`. */
export function strftime(pattern: string, date: Date, utc = false): string {
  return format(pattern, fieldsOf(date, utc));
}

function format(format: string, date: Fields): string {
  let out = '';
  for (let index = 0; index < format.length; index++) {
    const char = format[index]!;
    if (char !== '%' || index === format.length - 1) {
      out += char;
      continue;
    }
    const code = format[index + 1]!;
    const value = conversion(code, date);
    out += value ?? `%${code}`;
    index++;
  }
  return out;
}
