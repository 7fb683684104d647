/**
 * Schedule estimates from labour hours and staffing.
 */

/**
 * Calendar months a team needs for a body of work.
 * @example monthsOfWork(4.2e6, 3000, 140) // 10
 */
export function monthsOfWork(hours: number, staff: number, hoursPerStaffMonth: number): number {
  // t = H / (N · h_month)
  return hours / (staff * hoursPerStaffMonth);
}

/**
 * Sustained production rate (units per month) of a workforce.
 * @example productionRatePerMonth(6000, 140, 50_000) // 16.8
 */
export function productionRatePerMonth(
  staff: number,
  hoursPerStaffMonth: number,
  hoursPerUnit: number
): number {
  // rate = N · h_month / H_unit
  return (staff * hoursPerStaffMonth) / hoursPerUnit;
}
