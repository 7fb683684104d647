import { z } from 'zod';

/**
 * The vocabulary of the materials library that other libraries and the engine outputs share:
 * the structural material categories and the radar bands coatings are rated in.
 */

/** Families of structural material; costs, process rates and mass shares are given per family. */
export const MATERIAL_CATEGORIES = ['aluminium', 'titanium', 'composite', 'steel'] as const;
export const MaterialCategorySchema = z.enum(MATERIAL_CATEGORIES);
export type MaterialCategory = z.infer<typeof MaterialCategorySchema>;

/** Radar frequency bands the coatings and the RCS model are given for. */
export const RADAR_BANDS = ['S', 'X', 'Ku'] as const;
export const RadarBandSchema = z.enum(RADAR_BANDS);
export type RadarBand = z.infer<typeof RadarBandSchema>;
