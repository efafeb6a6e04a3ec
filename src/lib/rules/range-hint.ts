/**
 * How to bring a number back onto a 0-1 scale: 70 was likely meant as a
 * percentage (0.7), 7 as marks out of ten (0.7).
 */
export function rangeHint(value: number, min: number, max: number, about: string): string {
  if (min === 0 && max === 1 && value > 1) {
    if (value <= 10) return `Write ${value / 10} if you meant ${value} out of 10; the scale runs from 0 to 1 (${about}).`;
    if (value <= 100) return `Write ${value / 100} if you meant ${value}%; the scale runs from 0 to 1 (${about}).`;
  }
  return `Use a number from ${min} to ${max} (${about}).`;
}
