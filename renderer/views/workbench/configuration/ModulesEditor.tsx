import { useState, type ReactElement } from 'react';
import type { AircraftConfiguration } from '../../../../shared/aircraft';
import type { DesignFinding, LibraryCatalog } from '../../../../shared/protocol';
import { libraryName } from './AircraftSummary';
import { FieldFindings } from './FieldFindings';
import { useWholeNumber } from '../../common/use-whole-number';
import { WholeNumberField } from '../../common/WholeNumberField';

interface ModulesEditorProps {
  draft: AircraftConfiguration;
  library: LibraryCatalog;
  findings: Record<string, DesignFinding[]>;
  onAdd(module: { libraryId: string; attachmentPoint: string; quantity: number }): void;
  onRemove(instanceId: string): void;
}

function kindsOf(module: Record<string, unknown> | undefined): string {
  return Array.isArray(module?.attachmentKinds) ? module.attachmentKinds.join(', ') : '';
}

/** The draft's modules with remove buttons and inline findings, and a form to mount one more. */
export function ModulesEditor({ draft, library, findings, onAdd, onRemove }: ModulesEditorProps): ReactElement {
  const [libraryId, setLibraryId] = useState(library.modules[0]?.id ?? '');
  const [attachmentPoint, setAttachmentPoint] = useState(draft.basePlatform.attachmentPoints[0]?.id ?? '');
  const quantity = useWholeNumber(1);
  const categories = [...new Set(library.modules.map((m) => String(m.category ?? 'other')))];
  const selected = library.modules.find((m) => m.id === libraryId);
  const points = draft.basePlatform.attachmentPoints;

  return (
    <div className="cf-modules">
      <div className="cf-draft-modules-wrap">
        <table className="wb-table" data-testid="cf-draft-modules">
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Library module</th>
              <th scope="col">Attachment point</th>
              <th scope="col" className="wb-num">Qty</th>
              <th scope="col">
                <span className="fd-sr">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.modules.map((m) => {
              const point = points.find((p) => p.id === m.attachmentPoint);
              const rowFindings = [...(findings[`module:${m.instanceId}`] ?? [])];
              return (
                <tr key={m.instanceId} data-instance={m.instanceId}>
                  <td className="wb-mono">{m.instanceId}</td>
                  <td>
                    {libraryName(library.modules, m.libraryId)}
                    <FieldFindings findings={rowFindings} />
                  </td>
                  <td>
                    <span className="wb-mono">{m.attachmentPoint}</span> <span className="wb-dim">{point ? `(${point.kind.replace(/_/g, ' ')})` : '(unknown)'}</span>
                    <FieldFindings findings={findings[`attachment:${m.attachmentPoint}`]} />
                  </td>
                  <td className="wb-num">{m.quantity ?? 1}</td>
                  <td>
                    <button type="button" className="wb-btn wb-btn-danger" onClick={() => onRemove(m.instanceId)} aria-label={`Remove ${m.instanceId}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form
        className="cf-add-module"
        aria-label="Add a module"
        onSubmit={(e) => {
          e.preventDefault();
          if (libraryId && attachmentPoint && quantity.valid) onAdd({ libraryId, attachmentPoint, quantity: quantity.value });
        }}
      >
        <label className="wb-field">
          <span>Module</span>
          <select className="wb-select" value={libraryId} onChange={(e) => setLibraryId(e.target.value)}>
            {categories.map((category) => (
              <optgroup key={category} label={category}>
                {library.modules
                  .filter((m) => String(m.category ?? 'other') === category)
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                      {typeof m.powerDrawKW === 'number' && m.powerDrawKW > 0 ? ` — ${m.powerDrawKW} kW` : ''}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="wb-field">
          <span>Attachment point</span>
          <select className="wb-select" value={attachmentPoint} onChange={(e) => setAttachmentPoint(e.target.value)}>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({p.kind.replace(/_/g, ' ')})
              </option>
            ))}
          </select>
        </label>
        <label className="wb-field">
          <span>Quantity</span>
          <WholeNumberField value={quantity.value} min={1} max={50} onValue={quantity.onValue} />
        </label>
        <button type="submit" className="wb-btn" disabled={!quantity.valid}>
          Add module
        </button>
        {selected && <span className="wb-note">fits: {kindsOf(selected) || 'any'}</span>}
      </form>
    </div>
  );
}
