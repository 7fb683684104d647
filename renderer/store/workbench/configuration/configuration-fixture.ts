import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../../shared/aircraft';
import f22a from '../../../../resources/scenarios/f22a.json';

/** The shipped F-22A scenario (the one F-22A of the code base), parsed, for unit tests. */
export function sampleConfiguration(): AircraftConfiguration {
  return AircraftConfigurationSchema.parse(f22a);
}

/** Module library entries matching the sample configuration. */
export const SAMPLE_LIBRARY_MODULES = [
  { id: 'apg-77', category: 'sensor', attachmentKinds: ['nose'] },
  { id: 'apg-81', category: 'sensor', attachmentKinds: ['nose'] },
  { id: 'integrated-core-processor', category: 'avionics', attachmentKinds: ['avionics_bay'] },
  { id: 'ecm-internal', category: 'defensive', attachmentKinds: ['avionics_bay'] }
];
