/**
 * Display helpers for the engines' figures, whose keys carry their unit as a suffix
 * (`combatRadiusKm`, `wingLoadingKgM2`, `unitFlyawayCostMUSD`, `frontalRcsDbsm`, `maxMach`).
 */

/** Suffix → unit label, longest suffixes first so `KgM2` wins over `M2` and `Kg`. */
const UNIT_SUFFIXES: readonly (readonly [string, string])[] = [
  ['KgM2', 'kg/m²'],
  ['KgS', 'kg/s'],
  ['LbPerLbfH', 'lb/(lbf·h)'],
  ['MUSD', 'M USD'],
  ['BUSD', 'B USD'],
  ['Dbsm', 'dBsm'],
  ['Months', 'months'],
  ['Mach', 'Mach'],
  ['Deg', '°'],
  ['M2', 'm²'],
  ['Km', 'km'],
  ['Kg', 'kg'],
  ['KN', 'kN'],
  ['KW', 'kW'],
  ['Ms', 'ms'],
  ['K', 'K'],
  ['S', 's'],
  ['N', 'N'],
  ['M', 'm']
];

/** A figure ready to show: a readable label, the formatted value and its unit. */
export interface FormattedFigure {
  key: string;
  label: string;
  value: string;
  unit: string;
}

/**
 * The unit a key's suffix names, or '' for a plain ratio (`thrustToWeight`, `ldMax`).
 *
 * @example unitFromKey('combatRadiusKm') // 'km'
 */
export function unitFromKey(key: string): string {
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      const before = key.charAt(key.length - suffix.length - 1);
      // `ldMax` must not read as "ldMa" + "x"; suffixes start a new camel-case word.
      if (suffix === 'Mach' || before === before.toLowerCase() || /\d/.test(before)) return unit;
    }
  }
  return '';
}

/**
 * The key without its unit suffix, as words: `combatRadiusKm` → 'Combat radius',
 * `maxMach` → 'Max Mach', `thrustToWeight` → 'Thrust to weight'.
 */
export function labelFromKey(key: string): string {
  const unit = unitFromKey(key);
  let stem = key;
  if (unit && unit !== 'Mach') {
    const suffix = UNIT_SUFFIXES.find(([s, u]) => u === unit && key.endsWith(s))?.[0] ?? '';
    stem = key.slice(0, key.length - suffix.length);
  }
  const words = stem
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((word, index) => (word === 'Mach' || index === 0 ? word : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A number with a precision suited to its size: thousands grouped, 3–4 significant digits.
 *
 * @example formatNumber(31116) // '31,116'; formatNumber(1.0224) // '1.022'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 3 : magnitude === 0 ? 0 : 4;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A figure of an analysis summary, formatted whatever its type. */
export function formatFigure(key: string, value: unknown): FormattedFigure {
  const label = labelFromKey(key);
  if (typeof value === 'number') return { key, label, value: formatNumber(value), unit: unitFromKey(key) };
  if (typeof value === 'boolean') return { key, label, value: value ? 'yes' : 'no', unit: '' };
  if (typeof value === 'string') return { key, label, value, unit: '' };
  if (value === null || value === undefined) return { key, label, value: '—', unit: '' };
  return { key, label, value: JSON.stringify(value) ?? '—', unit: '' };
}
