import { z } from 'zod';
import { AttachmentKindSchema, ModuleCategorySchema } from '../aircraft';

/**
 * The module library (`resources/data/modules.json`): cockpits, sensors, payloads, avionics,
 * defensive and structural items that a configuration mounts on its attachment points.
 *
 * Well-known `characteristics` keys (all optional):
 * - `crewMassKg`: crew carried by a cockpit (useful load, not empty mass);
 * - `dragAreaM2`: drag area D/q (m²) when carried externally (hardpoint or conformal);
 * - `fuelKg`: fuel carried by an external tank (burnt first, tank jettisoned before combat);
 * - `expendable`: true for stores released in combat (missiles, bombs);
 * - `carrierEquipment`: true for carrier equipment (arresting hook): the airframe is carrier-based
 *   and takes Raymer's Navy-fighter skin friction (`cfd.yaml`, `skinFriction.equivalentCfCarrier`).
 *
 * @example const library = ModuleLibrarySchema.parse(JSON.parse(text));
 */
export const ModuleCharacteristicValueSchema = z.union([z.number(), z.string(), z.boolean()]);

export const ModuleDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case kebab-case'),
  name: z.string().min(1),
  category: ModuleCategorySchema,
  massKg: z.number().nonnegative(),
  powerDrawKW: z.number().nonnegative(),
  coolingKW: z.number().nonnegative(),
  attachmentKinds: z.array(AttachmentKindSchema).min(1),
  characteristics: z.record(z.string(), ModuleCharacteristicValueSchema)
});
export type ModuleDefinition = z.infer<typeof ModuleDefinitionSchema>;

export const ModuleLibrarySchema = z
  .strictObject({
    version: z.number().int().min(1),
    modules: z.array(ModuleDefinitionSchema).min(1)
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    library.modules.forEach((module, index) => {
      if (seen.has(module.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate id ${module.id}`, path: ['modules', index, 'id'] });
      }
      seen.add(module.id);
    });
  });
export type ModuleLibrary = z.infer<typeof ModuleLibrarySchema>;
