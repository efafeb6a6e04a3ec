import { addDays } from '../dates.js';

export interface Quarter {
  /** `2026-q4`, the id the demo's cycles use. */
  id: string;
  /** `2026 Q4`. */
  title: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`. */
  end: string;
}

/** The calendar quarter holding `date` (`YYYY-MM-DD`): 2026-12-01 is in 2026 Q4, 2026-10-01 to 2026-12-31. */
export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const firstMonth = (quarter - 1) * 3 + 1;
  const start = `${String(year).padStart(4, '0')}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextStart = quarter === 4 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${String(year).padStart(4, '0')}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { id: `${year}-q${quarter}`, title: `${year} Q${quarter}`, start, end: addDays(nextStart, -1) };
}
