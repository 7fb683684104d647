import { STRUCTURAL_ZONES, type AircraftConfiguration } from '../../../../shared/aircraft';
import type { LibraryCatalog, OneChoice } from '../../../../shared/protocol';

export type ChoiceKind = OneChoice['kind'];

export const CHOICE_KINDS: readonly { kind: ChoiceKind; label: string }[] = [
  { kind: 'engine_model', label: 'Engine model' },
  { kind: 'material', label: "A zone's material" },
  { kind: 'coating', label: 'Coating' },
  { kind: 'radar', label: 'Radar' }
];

/** The one-choice form as the user sets it: every kind's value is kept so switching kind loses nothing. */
export interface ChoiceForm {
  kind: ChoiceKind;
  engineModel: string;
  zone: string;
  materialId: string;
  coatingId: string;
  /** '' = every coated zone. */
  coatingZone: string;
  radarId: string;
}

/** What the recorded configuration chose, for each kind (undefined: it chose nothing, or it cannot be read). */
export interface RecordedChoices {
  engineModel?: string;
  materials: Partial<Record<string, string>>;
  coatingByZone: Partial<Record<string, string>>;
  radarId?: string;
}

/** The zones a configuration assigns materials to (all of them when it cannot be read). */
export function zonesOf(configuration: AircraftConfiguration | null): string[] {
  return configuration ? STRUCTURAL_ZONES.filter((zone) => zone in configuration.materials) : [...STRUCTURAL_ZONES];
}

export function recordedChoicesOf(configuration: AircraftConfiguration | null, catalog: LibraryCatalog): RecordedChoices {
  if (!configuration) return { materials: {}, coatingByZone: {} };
  const radarIds = new Set(catalog.sensors.map((radar) => radar.id));
  const coatingByZone: Record<string, string> = {};
  for (const coating of configuration.coatings) for (const zone of coating.zones) coatingByZone[zone] = coating.coatingId;
  return {
    engineModel: configuration.propulsion.engineModel,
    materials: configuration.materials,
    coatingByZone,
    radarId: configuration.modules.find((module) => radarIds.has(module.libraryId))?.libraryId
  };
}

/** The first id that is not `current`, so a fresh form already changes something. */
function other(ids: readonly { id: string }[], current: string | undefined): string {
  return ids.find((item) => item.id !== current)?.id ?? ids[0]?.id ?? '';
}

/**
 * A form that changes the engine model to one the recorded configuration does not use, with
 * sensible values ready for the other kinds.
 *
 * @example
 * initialChoiceForm(f22a, catalog).engineModel // 'F135-PW-100' (the F-22A flies the F119)
 */
export function initialChoiceForm(configuration: AircraftConfiguration | null, catalog: LibraryCatalog): ChoiceForm {
  const recorded = recordedChoicesOf(configuration, catalog);
  const zone = zonesOf(configuration)[0] ?? 'wings';
  return {
    kind: 'engine_model',
    engineModel: other(catalog.engines, recorded.engineModel),
    zone,
    materialId: other(catalog.materials, recorded.materials[zone]),
    coatingId: other(catalog.coatings, Object.values(recorded.coatingByZone)[0]),
    coatingZone: '',
    radarId: other(catalog.sensors, recorded.radarId)
  };
}

/** The choice the re-run sends. */
export function choiceOf(form: ChoiceForm): OneChoice {
  switch (form.kind) {
    case 'engine_model':
      return { kind: 'engine_model', engineModel: form.engineModel };
    case 'material':
      return { kind: 'material', zone: form.zone, materialId: form.materialId };
    case 'coating':
      return form.coatingZone ? { kind: 'coating', coatingId: form.coatingId, zone: form.coatingZone } : { kind: 'coating', coatingId: form.coatingId };
    case 'radar':
      return { kind: 'radar', radarId: form.radarId };
  }
}

/** What the recorded configuration has for the form's kind, in words ("recorded: F119-PW-100"). */
export function recordedValueText(form: ChoiceForm, recorded: RecordedChoices): string {
  const value =
    form.kind === 'engine_model'
      ? recorded.engineModel
      : form.kind === 'material'
        ? recorded.materials[form.zone]
        : form.kind === 'coating'
          ? form.coatingZone
            ? (recorded.coatingByZone[form.coatingZone] ?? 'none')
            : [...new Set(Object.values(recorded.coatingByZone))].join(', ') || 'none'
          : recorded.radarId;
  return value ?? 'unknown';
}
