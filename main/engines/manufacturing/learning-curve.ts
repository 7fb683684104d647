/**
 * Crawford (unit) learning curve: unit n costs T1 · n^b with b = log2(slope).
 */

/**
 * Exponent b of a learning curve with the given slope.
 * @example learningExponent(0.85) // −0.2345
 */
export function learningExponent(slope: number): number {
  // b = log2(s)
  return Math.log2(slope);
}

/**
 * Cost (or hours) of the n-th unit.
 * @example unitCost(100, 2, 0.85) // 85
 */
export function unitCost(firstUnitCost: number, unitNumber: number, slope: number): number {
  // T_n = T1 · n^b
  return firstUnitCost * Math.pow(unitNumber, learningExponent(slope));
}

/**
 * Average unit cost of units 1..Q as a multiple of the first unit's cost, by the mid-point
 * integral approximation of Σ n^b.
 * @example cumulativeAverageFactor(100, 0.85) // ≈ 0.4377 (exact sum 0.4375)
 */
export function cumulativeAverageFactor(quantity: number, slope: number): number {
  const b = learningExponent(slope);
  // (1/Q)·Σ_{n=1..Q} n^b ≈ ((Q + ½)^(1+b) − (½)^(1+b)) / ((1+b)·Q)
  return (Math.pow(quantity + 0.5, 1 + b) - Math.pow(0.5, 1 + b)) / ((1 + b) * quantity);
}
