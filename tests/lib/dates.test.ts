import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/lib/dates.js';

describe('isCalendarDate', () => {
  it('accepts the days that exist, leap days included', () => {
    for (const date of ['2026-01-31', '2026-04-30', '2024-02-29', '2000-02-29', '2026-12-31', '1999-06-15']) expect(isCalendarDate(date), date).toBe(true);
  });

  it('refuses days that do not exist', () => {
    for (const date of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00', '2026-06-32']) expect(isCalendarDate(date), date).toBe(false);
  });

  it('refuses other shapes and years before 100', () => {
    for (const value of ['2026-7-01', '2026-07-01T00:00:00Z', ' 2026-07-01', '26-07-01', '0026-07-01', '２０２６-07-01', 20260701, null]) expect(isCalendarDate(value), String(value)).toBe(false);
  });
});
