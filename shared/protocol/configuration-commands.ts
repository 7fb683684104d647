import { z } from 'zod';
import { AircraftConfigurationSchema, ModuleInstanceSchema } from '../aircraft';
import { DesignFindingSchema } from '../findings';
import { ConfigurationChangeResultSchema, EmptyRequestSchema } from './common';
import { defineCommand } from './define';

export const ScenarioSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  engineModel: z.string(),
  engineCount: z.number().int(),
  missionType: z.string()
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

/** A library entry as the configuration view lists it: id and name plus its key figures. */
const LibraryItemSchema = z.looseObject({ id: z.string(), name: z.string() });
export const LibraryCatalogSchema = z.strictObject({
  engines: z.array(LibraryItemSchema),
  materials: z.array(LibraryItemSchema),
  coatings: z.array(LibraryItemSchema),
  modules: z.array(LibraryItemSchema),
  sensors: z.array(LibraryItemSchema)
});
export type LibraryCatalog = z.infer<typeof LibraryCatalogSchema>;

export const CONFIGURATION_COMMANDS = {
  'configuration.get': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ configuration: AircraftConfigurationSchema.nullable(), version: z.number().int() }),
    'The configuration the engines last computed from'
  ),
  'configuration.validate': defineCommand(
    z.strictObject({ configuration: z.unknown() }),
    z.strictObject({ valid: z.boolean(), findings: z.array(DesignFindingSchema) }),
    'Run exactly the checks configuration.apply runs, without applying anything'
  ),
  'configuration.apply': defineCommand(
    z.strictObject({ configuration: AircraftConfigurationSchema }),
    ConfigurationChangeResultSchema,
    'Send a configuration through the engines'
  ),
  'module.add': defineCommand(
    z.strictObject({ module: ModuleInstanceSchema }),
    ConfigurationChangeResultSchema,
    'Mount a library module on an attachment point'
  ),
  'module.remove': defineCommand(
    z.strictObject({ instanceId: z.string().min(1).max(128) }),
    ConfigurationChangeResultSchema,
    'Remove a mounted module'
  ),
  'scenario.list': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ scenarios: z.array(ScenarioSummarySchema) }),
    'The aircraft scenarios in resources/scenarios'
  ),
  'scenario.load': defineCommand(
    z.strictObject({ scenarioId: z.string().min(1).max(128).regex(/^[a-z0-9][a-z0-9-]*$/, 'a scenario id: lower-case letters, digits and dashes') }),
    ConfigurationChangeResultSchema,
    'Apply a scenario as the configuration'
  ),
  'library.get': defineCommand(
    EmptyRequestSchema,
    LibraryCatalogSchema,
    'Engines, materials, coatings, modules and sensors to choose from'
  )
};
