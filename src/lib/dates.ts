/**
 * Calendar dates are kept as `YYYY-MM-DD` strings end to end: no time zone
 * can move them, and string order is date order.
 */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  // Every date of a handbook passes through here (tens of thousands of check-ins): no match object, no Date.
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  // Years before 100 are refused, as they always were: no handbook is that old, and `0026` is a slip for `2026`.
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by `length` ASCII digits at `start`. */
function digits(text: string, start: number, length: number): number {
  let number = 0;
  for (let i = start; i < start + length; i++) number = number * 10 + text.charCodeAt(i) - 48;
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toDayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(toDayNumber(to) - toDayNumber(from));
}

export function addDays(date: string, days: number): string {
  return new Date((toDayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Today's calendar date in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
