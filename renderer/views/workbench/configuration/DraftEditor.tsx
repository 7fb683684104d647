import { useMemo, type ReactElement } from 'react';
import { STRUCTURAL_ZONES, type AircraftConfiguration, type StructuralZone } from '../../../../shared/aircraft';
import type { DesignFinding, LibraryCatalog } from '../../../../shared/protocol';
import { addModule, currentCoating, radarModuleIndex, removeModule, setCoating, setEngineCount, setEngineModel, setRadar, setZoneMaterial } from '../../../store/workbench/configuration/draft-edits';
import { groupFindingsByField } from '../../../store/workbench/configuration/finding-fields';
import { WholeNumberField } from '../../common/WholeNumberField';
import { FieldFindings } from './FieldFindings';
import { ModulesEditor } from './ModulesEditor';

interface DraftEditorProps {
  draft: AircraftConfiguration;
  library: LibraryCatalog;
  findings: readonly DesignFinding[];
  onEdit(change: (draft: AircraftConfiguration) => AircraftConfiguration): void;
  onFieldValid(field: string, valid: boolean): void;
}

function thrustText(engine: Record<string, unknown>): string {
  const dry = typeof engine.dryThrustKN === 'number' ? engine.dryThrustKN : null;
  const wet = typeof engine.wetThrustKN === 'number' ? engine.wetThrustKN : null;
  if (dry === null && wet === null) return '';
  return ` — ${dry ?? '?'}/${wet ?? '?'} kN dry/wet`;
}

/** Engine, materials, coating, radar and modules of the draft, each with its findings. */
export function DraftEditor({ draft, library, findings, onEdit, onFieldValid }: DraftEditorProps): ReactElement {
  const byField = useMemo(() => groupFindingsByField(findings, draft), [findings, draft]);
  const radarIndex = radarModuleIndex(draft, library.modules);
  const radar = radarIndex >= 0 ? draft.modules[radarIndex] : undefined;
  // Radars are the sensor modules the sensors library has a radar model for.
  const radarIds = new Set(library.sensors.map((sensor) => sensor.id));
  const radars = library.modules.filter((m) => radarIds.has(m.id));
  const zones = STRUCTURAL_ZONES.filter((zone) => zone in draft.materials);
  const general = [...(byField.general ?? []), ...(byField.power ?? []), ...(byField.cooling ?? []), ...(byField.mission ?? [])];

  return (
    <div className="cf-editor">
      {general.length > 0 && (
        <div className="cf-general-findings" aria-label="Findings about the whole aircraft">
          <FieldFindings findings={general} />
        </div>
      )}
      <div className="cf-editor-grid">
        <fieldset className="cf-group">
          <legend>Propulsion</legend>
          <label className="wb-field cf-row">
            <span>Engine model</span>
            <select className="wb-select" value={draft.propulsion.engineModel} aria-describedby="cf-engine-findings" onChange={(e) => onEdit((d) => setEngineModel(d, e.target.value))}>
              {library.engines.map((engine) => (
                <option key={engine.id} value={engine.id}>
                  {engine.id}
                  {thrustText(engine)}
                </option>
              ))}
            </select>
          </label>
          <FieldFindings findings={byField.engine} id="cf-engine-findings" />
          <label className="wb-field cf-row">
            <span>Engine count</span>
            <WholeNumberField
              value={draft.propulsion.count}
              min={1}
              max={4}
              onValue={(count) => {
                onFieldValid('engine count', count !== null);
                if (count !== null) onEdit((d) => setEngineCount(d, count));
              }}
            />
          </label>
          <FieldFindings findings={byField.engineCount} />
          <label className="wb-field cf-row">
            <span>Radar</span>
            <select
              className="wb-select"
              value={radar?.libraryId ?? ''}
              onChange={(e) => onEdit((d) => setRadar(d, e.target.value, library.modules))}
            >
              {!radar && <option value="">none mounted</option>}
              {radars.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                  {typeof m.powerDrawKW === 'number' ? ` — ${m.powerDrawKW} kW` : ''}
                </option>
              ))}
            </select>
          </label>
          {radar && <FieldFindings findings={byField[`module:${radar.instanceId}`]} />}
          <label className="wb-field cf-row">
            <span>Coating</span>
            <select className="wb-select" value={currentCoating(draft)} onChange={(e) => onEdit((d) => setCoating(d, e.target.value))}>
              {library.coatings.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <FieldFindings findings={byField.coating} />
        </fieldset>
        <fieldset className="cf-group">
          <legend>Materials per zone</legend>
          {zones.map((zone: StructuralZone) => (
            <div key={zone}>
              <label className="wb-field cf-row">
                <span>{zone.replace(/_/g, ' ')}</span>
                <select className="wb-select" value={draft.materials[zone]} onChange={(e) => onEdit((d) => setZoneMaterial(d, zone, e.target.value))}>
                  {library.materials.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
              <FieldFindings findings={byField[`material:${zone}`]} />
            </div>
          ))}
        </fieldset>
      </div>
      <fieldset className="cf-group">
        <legend>Modules</legend>
        <ModulesEditor
          draft={draft}
          library={library}
          findings={byField}
          onAdd={(module) => onEdit((d) => addModule(d, module))}
          onRemove={(instanceId) => onEdit((d) => removeModule(d, instanceId))}
        />
      </fieldset>
    </div>
  );
}
