import type { ReactElement } from 'react';
import type { AircraftConfiguration } from '../../../../shared/aircraft';
import type { LibraryCatalog } from '../../../../shared/protocol';
import { KpiTile } from '../common/Panel';
import { formatNumber } from '../common/units';

/** Library name of an id, or the id itself. */
export function libraryName(items: readonly { id: string; name: string }[] | undefined, id: string): string {
  return items?.find((item) => item.id === id)?.name ?? id;
}

/** The current aircraft: key figures, modules, materials, coatings and mission. */
export function AircraftSummary({ configuration, version, library }: { configuration: AircraftConfiguration; version: number; library: LibraryCatalog | null }): ReactElement {
  const platform = configuration.basePlatform;
  const mission = configuration.mission;
  return (
    <div className="cf-summary">
      <div className="wb-kpis">
        <KpiTile label="Platform mass" value={`${formatNumber(platform.emptyMassKg)} kg`} />
        <KpiTile label="Max take-off" value={`${formatNumber(platform.maxTakeoffMassKg)} kg`} />
        <KpiTile label="Wing area" value={`${formatNumber(platform.wingAreaM2)} m²`} />
        <KpiTile label="Internal fuel" value={`${formatNumber(platform.internalFuelKg)} kg`} />
        <KpiTile label="Engines" value={`${configuration.propulsion.engineModel} × ${configuration.propulsion.count}`} testId="cf-current-engine" />
        <KpiTile label="Power / cooling" value={`${platform.powerGenerationKW} / ${platform.coolingCapacityKW} kW`} />
      </div>
      <div className="cf-summary-grid">
        <section aria-label="Mounted modules">
          <h3 className="cf-subtitle">Modules ({configuration.modules.length})</h3>
          <div className="wb-table-wrap cf-modules-wrap" tabIndex={0} role="region" aria-label="Mounted modules table">
            <table className="wb-table" data-testid="cf-current-modules">
              <thead>
                <tr>
                  <th scope="col">Instance</th>
                  <th scope="col">Library module</th>
                  <th scope="col">Attachment</th>
                  <th scope="col" className="wb-num">Qty</th>
                </tr>
              </thead>
              <tbody>
                {configuration.modules.map((m) => (
                  <tr key={m.instanceId}>
                    <td className="wb-mono">{m.instanceId}</td>
                    <td title={m.libraryId}>{libraryName(library?.modules, m.libraryId)}</td>
                    <td className="wb-mono">{m.attachmentPoint}</td>
                    <td className="wb-num">{m.quantity ?? 1}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-label="Materials, coatings and mission">
          <h3 className="cf-subtitle">Materials</h3>
          <dl className="cf-facts">
            {Object.entries(configuration.materials).map(([zone, material]) => (
              <div key={zone} className="cf-fact">
                <dt>{zone.replace(/_/g, ' ')}</dt>
                <dd>{libraryName(library?.materials, material)}</dd>
              </div>
            ))}
          </dl>
          <h3 className="cf-subtitle">Coatings</h3>
          <dl className="cf-facts cf-facts-block">
            {configuration.coatings.length === 0 && <p className="wb-note">bare</p>}
            {configuration.coatings.map((c) => (
              <div key={c.coatingId} className="cf-fact">
                <dt>{libraryName(library?.coatings, c.coatingId)}</dt>
                <dd>{c.zones.map((z) => z.replace(/_/g, ' ')).join(', ')}</dd>
              </div>
            ))}
          </dl>
          <h3 className="cf-subtitle">Mission</h3>
          <dl className="cf-facts">
            <div className="cf-fact">
              <dt>type</dt>
              <dd>{mission.type.replace(/_/g, ' ')}</dd>
            </div>
            <div className="cf-fact">
              <dt>combat radius</dt>
              <dd>{formatNumber(mission.combatRadiusKm)} km</dd>
            </div>
            <div className="cf-fact">
              <dt>payload</dt>
              <dd>{formatNumber(mission.payloadKg)} kg</dd>
            </div>
            <div className="cf-fact">
              <dt>altitude</dt>
              <dd>
                {formatNumber(mission.altitudeBandM.min)}–{formatNumber(mission.altitudeBandM.max)} m
              </dd>
            </div>
            <div className="cf-fact">
              <dt>speed</dt>
              <dd>
                Mach {mission.speedBandMach.min}–{mission.speedBandMach.max}
              </dd>
            </div>
            <div className="cf-fact">
              <dt>stealth</dt>
              <dd>{mission.stealthRequired ? 'required' : 'not required'}</dd>
            </div>
          </dl>
          <p className="wb-note">
            Configuration <span className="wb-mono">{configuration.id}</span>, version <span data-testid="cf-version">{version}</span>
          </p>
        </section>
      </div>
    </div>
  );
}
