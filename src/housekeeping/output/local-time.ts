/** The municipality's time zone: the reports show its wall-clock time, whatever the server's zone. */
export const reportTimeZone = 'Europe/Amsterdam';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time of an instant in a time zone, as a Date whose UTC fields hold it. Excel has no time zones:
 * a date cell is a wall-clock time, and exceljs writes a Date by its UTC fields, so this Date shows the local time
 * (2026-07-01T10:00Z shows 12:00 in Amsterdam in summer, 2026-01-15T10:00Z 11:00 in winter).
 */
export function wallClock(instant: string | number | Date, timeZone: string = reportTimeZone): Date {
  let format = formats.get(timeZone);
  if (!format)
    formats.set(
      timeZone,
      (format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })),
    );
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!));
}
