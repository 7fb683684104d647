import { useMemo, type ReactElement } from 'react';
import { currentVersion } from '../../../../shared/projection';
import { useFlightdeck, useSession } from '../../../store';
import { selectCurrentConfiguration, selectLatestSimulation } from '../../../store/session/selectors';
import { taskViewStatus } from '../../../store/workbench/tasks/task-request';
import { simulationResultOf } from '../../../store/workbench/tasks/task-selectors';
import { CHART_COLORS } from '../common/chart-style';
import { Badge, EmptyState, Panel } from '../common/Panel';
import { formatNumber } from '../common/units';
import { MissionChart } from './MissionChart';
import { formatDuration, phaseMarkers, simulationRows } from './simulation-data';
import { TaskProgress } from './TaskProgress';
import { useReadOnlyReason } from '../../common/use-read-only';

/** Flies the default combat mission and shows its time series and phases. */
export function SimulationPanel(): ReactElement {
  const task = useSession(selectLatestSimulation);
  const version = useSession(currentVersion);
  const request = useFlightdeck((s) => s.simulation.request);
  const status = useSession((state) => taskViewStatus(request, selectLatestSimulation(state), (id) => Object.hasOwn(state.tasks, id)));
  const start = useFlightdeck((s) => s.simulation.start);
  const cancel = useFlightdeck((s) => s.simulation.cancel);
  const readOnly = useReadOnlyReason();
  const radiusKm = useSession((state) => selectCurrentConfiguration(state)?.configuration.mission.combatRadiusKm ?? null);
  const running = status === 'starting' || status === 'running';
  const result = task && status === 'completed' ? simulationResultOf(task) : null;
  const rows = useMemo(() => (result ? simulationRows(result.series) : []), [result]);
  const markers = useMemo(() => (result ? phaseMarkers(result.phases) : []), [result]);

  return (
    <Panel
      title="Mission simulation"
      meta={radiusKm !== null ? `default combat mission at ${formatNumber(radiusKm)} km radius` : 'default combat mission'}
      className="wb-span-all"
      testId="simulation-panel"
      actions={
        <>
          <button type="button" className="wb-btn wb-btn-primary" disabled={running || readOnly !== null} title={readOnly ?? undefined} onClick={() => void start()}>
            Start simulation
          </button>
          <button type="button" className="wb-btn" disabled={status !== 'running'} onClick={() => void cancel()}>
            Cancel
          </button>
        </>
      }
    >
      {request.error && <p className="wb-error-text" role="alert">{request.error}</p>}
      <TaskProgress status={status} task={task} label="Simulation progress" testId="simulation-progress" />
      {result ? (
        <div className="ac-sim">
          <p className="ac-sim-outcome" data-testid="simulation-outcome">
            {result.completed ? <Badge tone="ok">mission completed</Badge> : <Badge tone="error">mission failed</Badge>}{' '}
            {result.failureReason && <span className="wb-error-text">{result.failureReason}</span>}
            <span className="wb-dim">
              {' '}
              {formatDuration(result.totals.durationS)} · {formatNumber(result.totals.distanceKm)} km · {formatNumber(result.totals.fuelUsedKg)} kg fuel used ·{' '}
              {formatNumber(result.totals.fuelRemainingKg)} kg left
            </span>
          </p>
          <p className={result.configVersion < version ? 'ac-stale-notice' : 'wb-note'} data-testid="simulation-version" role={result.configVersion < version ? 'alert' : undefined}>
            Flown with configuration v{result.configVersion}
            {result.configVersion < version ? `: not current, the configuration is now v${version}.` : ' (the current one).'}
          </p>
          {result.warnings.length > 0 && (
            <ul className="ac-warnings">
              {result.warnings.map((w) => (
                <li key={w} className="wb-tone-warn">
                  {w}
                </li>
              ))}
            </ul>
          )}
          <div className="ac-sim-grid">
            <MissionChart title="Altitude (km)" rows={rows} markers={markers} showPhaseLabels series={[{ key: 'altitudeKm', name: 'altitude', color: CHART_COLORS.primary, unit: 'km' }]} />
            <MissionChart title="Mach" rows={rows} markers={markers} series={[{ key: 'mach', name: 'Mach', color: CHART_COLORS.secondary, unit: '' }]} />
            <MissionChart
              title="Mass and fuel (t)"
              rows={rows}
              markers={markers}
              series={[
                { key: 'massT', name: 'mass', color: CHART_COLORS.tertiary, unit: 't' },
                { key: 'fuelT', name: 'fuel', color: CHART_COLORS.quaternary, unit: 't' }
              ]}
            />
          </div>
          <table className="wb-table ac-phases" data-testid="phase-table">
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col" className="wb-num">Start</th>
                <th scope="col" className="wb-num">End</th>
                <th scope="col" className="wb-num">Duration</th>
                <th scope="col" className="wb-num">Fuel used (kg)</th>
                <th scope="col" className="wb-num">Distance (km)</th>
              </tr>
            </thead>
            <tbody>
              {result.phases.map((p) => (
                <tr key={`${p.name}-${p.startS}`}>
                  <td>{p.name}</td>
                  <td className="wb-num">{formatDuration(p.startS)}</td>
                  <td className="wb-num">{formatDuration(p.endS)}</td>
                  <td className="wb-num">{formatDuration(p.endS - p.startS)}</td>
                  <td className="wb-num">{formatNumber(p.fuelUsedKg)}</td>
                  <td className="wb-num">{formatNumber(p.distanceKm)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        !running && <EmptyState title="No mission flown yet">Start flies takeoff, climb, cruise, combat, return, descent and landing.</EmptyState>
      )}
    </Panel>
  );
}
