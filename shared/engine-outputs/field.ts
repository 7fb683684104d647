import { z } from 'zod';

/**
 * A top-level output figure: a finite number (zod 4 refuses NaN and ±Infinity) described by its
 * unit and meaning, so a schema reads as the engine's data sheet.
 * @example const maxMach = figure('Mach', 'highest level-flight Mach');
 */
export function figure(unit: string, meaning: string): z.ZodNumber {
  return z.number().describe(`unit: ${unit}; ${meaning}`);
}

/**
 * Describes a top-level output field that is not a plain number (records, lists, flags).
 * @example const zones = described(z.record(StructuralZoneSchema, z.number()), 'kg', 'mass per zone');
 */
export function described<T extends z.ZodType>(schema: T, unit: string, meaning: string): T {
  return schema.describe(`unit: ${unit}; ${meaning}`);
}
