/**
 * Times as the people in a mail saw them. A mail's Date header says when, and in which
 * offset, it was written ("Thu, 12 Mar 2026 14:05:00 +0200"); the reader stores the
 * instant in UTC and the offset beside it (MessageMeta.utcOffset). A report shows the
 * time in that offset, or, when a zone is configured (`timeZone:` / `--time-zone`), in
 * that zone, always with the offset it is shown in: "12.3.2026 klo 14.05 (UTC+2)".
 *
 * A time with no zone at all (a CSV export's "2026-03-12 14:05") is the export's own
 * local time: it is shown as written, with no offset, never converted.
 */
import type { MessageMeta, UiLang } from '../types.js';

export interface LocalTime {
  /** "2026-03-12" */
  day: string;
  /** "14:05", when the source gives a time of day. */
  time?: string;
  /** Minutes east of UTC the time is shown in; absent when the source's zone is unknown. */
  offset?: number;
}

const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i;

/** "+03:00" → 180, "Z" → 0. */
function zoneMinutes(zone: string): number {
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const pad = (n: number) => String(n).padStart(2, '0');

function fromUtc(ms: number, offset: number): LocalTime {
  const d = new Date(ms + offset * 60_000);
  return { day: `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`, offset };
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** Whether a zone name is one the runtime knows (IANA names such as "Europe/Helsinki", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    zoneFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** The offset of a zone at an instant, in minutes east of UTC (summer time included). */
export function zoneOffset(timeZone: string, ms: number): number {
  const name = zoneFormat(timeZone).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(name);
  return m?.[1] ? zoneMinutes(m[1]) : 0;
}

/**
 * The day, time and offset to show for a message's date: in `timeZone` when given,
 * else in the mail's own offset (meta.utcOffset, else the offset the date string
 * carries). Null when there is no date it can read.
 */
export function localTime(meta: Pick<MessageMeta, 'date' | 'utcOffset'> | undefined, timeZone?: string): LocalTime | null {
  const m = meta?.date ? ISO.exec(meta.date) : null;
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, zone] = m;
  if (hh === undefined) return { day: `${y}-${mo}-${d}` };
  if (zone === undefined) return { day: `${y}-${mo}-${d}`, time: `${hh}:${mi}` };
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss ?? 0)) - zoneMinutes(zone) * 60_000;
  if (Number.isNaN(ms)) return null;
  const offset = timeZone ? zoneOffset(timeZone, ms) : (meta!.utcOffset ?? zoneMinutes(zone));
  return fromUtc(ms, offset);
}

/** "UTC+2", "UTC−3.30" (fi, sv) / "UTC-3:30" (en), "UTC". */
export function offsetLabel(offset: number, lang: UiLang): string {
  if (offset === 0) return 'UTC';
  const abs = Math.abs(offset);
  const minutes = abs % 60;
  const sign = offset < 0 ? (lang === 'en' ? '-' : '−') : '+';
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `${lang === 'en' ? ':' : '.'}${pad(minutes)}` : ''}`;
}

/** "12.3.2026" (fi), "2026-03-12" (sv, en). */
export function showDay(day: string, lang: UiLang): string {
  const [y, m, d] = day.split('-');
  return lang === 'fi' ? `${Number(d)}.${Number(m)}.${y}` : day;
}

/** "12.3.2026 klo 14.05 (UTC+2)" (fi), "2026-03-12 kl. 14.05 (UTC+2)" (sv), "2026-03-12 14:05 (UTC+2)" (en). */
export function showLocalTime(local: LocalTime, lang: UiLang): string {
  const day = showDay(local.day, lang);
  if (!local.time) return day;
  const [hh, mm] = local.time.split(':');
  const time = lang === 'fi' ? `klo ${Number(hh)}.${mm}` : lang === 'sv' ? `kl. ${hh}.${mm}` : `${hh}:${mm}`;
  const zone = local.offset === undefined ? '' : ` (${offsetLabel(local.offset, lang)})`;
  return `${day} ${time}${zone}`;
}
