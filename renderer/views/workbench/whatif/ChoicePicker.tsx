import type { ReactElement } from 'react';
import type { LibraryCatalog } from '../../../../shared/protocol';
import { CHOICE_KINDS, recordedValueText, type ChoiceForm, type ChoiceKind, type RecordedChoices } from '../../../store/workbench/whatif/choice-form';

interface ChoicePickerProps {
  form: ChoiceForm;
  catalog: LibraryCatalog;
  zones: readonly string[];
  recorded: RecordedChoices;
  onChange(form: ChoiceForm): void;
}

function Options({ items }: { items: readonly { id: string; name: string }[] }): ReactElement {
  return (
    <>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name === item.id ? item.id : `${item.name} (${item.id})`}
        </option>
      ))}
    </>
  );
}

const zoneText = (zone: string): string => zone.replace(/_/g, ' ');

/** The one choice a re-run changes: its kind, then the library entry (and zone) it changes to. */
export function ChoicePicker({ form, catalog, zones, recorded, onChange }: ChoicePickerProps): ReactElement {
  const set = (partial: Partial<ChoiceForm>): void => onChange({ ...form, ...partial });
  return (
    <div className="wi-choice">
      <label className="wb-field">
        <span>Change</span>
        <select className="wb-select" value={form.kind} onChange={(e) => set({ kind: e.target.value as ChoiceKind })}>
          {CHOICE_KINDS.map(({ kind, label }) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {form.kind === 'engine_model' && (
        <label className="wb-field">
          <span>Engine model</span>
          <select className="wb-select" value={form.engineModel} onChange={(e) => set({ engineModel: e.target.value })}>
            <Options items={catalog.engines} />
          </select>
        </label>
      )}
      {form.kind === 'material' && (
        <>
          <label className="wb-field">
            <span>Zone</span>
            <select className="wb-select" value={form.zone} onChange={(e) => set({ zone: e.target.value })}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneText(zone)}
                </option>
              ))}
            </select>
          </label>
          <label className="wb-field">
            <span>Material</span>
            <select className="wb-select" value={form.materialId} onChange={(e) => set({ materialId: e.target.value })}>
              <Options items={catalog.materials} />
            </select>
          </label>
        </>
      )}
      {form.kind === 'coating' && (
        <>
          <label className="wb-field">
            <span>Coating</span>
            <select className="wb-select" value={form.coatingId} onChange={(e) => set({ coatingId: e.target.value })}>
              <Options items={catalog.coatings} />
            </select>
          </label>
          <label className="wb-field">
            <span>On</span>
            <select className="wb-select" value={form.coatingZone} onChange={(e) => set({ coatingZone: e.target.value })}>
              <option value="">every coated zone</option>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneText(zone)} only
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {form.kind === 'radar' && (
        <label className="wb-field">
          <span>Radar</span>
          <select className="wb-select" value={form.radarId} onChange={(e) => set({ radarId: e.target.value })}>
            <Options items={catalog.sensors} />
          </select>
        </label>
      )}
      <p className="wb-note wi-recorded-value" data-testid="choice-recorded">
        recorded: <span className="wb-mono">{recordedValueText(form, recorded)}</span>
      </p>
    </div>
  );
}
