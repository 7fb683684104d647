import { useMemo, useState, type ReactElement } from 'react';
import type { EngineEvent } from '../../../../shared/events';
import { currentVersion, type TaskState } from '../../../../shared/projection';
import type { OptimizationCriteria } from '../../../../shared/protocol';
import { useFlightdeck, useSession } from '../../../store';
import { liveBuffer } from '../../../store/live';
import { selectLatestOptimization } from '../../../store/session/selectors';
import { taskViewStatus } from '../../../store/workbench/tasks/task-request';
import { optimizationProgressOf, optimizationResultOf } from '../../../store/workbench/tasks/task-selectors';
import { Badge, EmptyState, Panel } from '../common/Panel';
import { formatMs } from '../../common/format';
import { formatNumber } from '../common/units';
import { InputsNotice } from './InputsNotice';
import { ParetoChart } from './ParetoChart';
import { axisLabel, defaultAxes, objectiveKeys, paretoPoints, snapshotPoints } from './pareto-data';
import { TaskProgress } from './TaskProgress';
import { useReadOnlyReason } from '../../common/use-read-only';
import { useWholeNumber } from '../../common/use-whole-number';
import { WholeNumberField } from '../../common/WholeNumberField';

const OBJECTIVES = [
  { key: 'minimizeWeight', label: 'Minimize weight' },
  { key: 'maximizeStealth', label: 'Maximize stealth' },
  { key: 'minimizeCost', label: 'Minimize cost' },
  { key: 'maximizeRange', label: 'Maximize range' }
] as const;

type ObjectiveKey = (typeof OBJECTIVES)[number]['key'];

const SHOWN_FIGURES = ['thrustToWeight', 'combatRadiusKm', 'unitFlyawayCostMUSD'];
/** Intermediate fronts drawn faded under the final one. */
const MAX_FRONTS = 6;

/**
 * The fronts a finished optimization reported while it ran, oldest first: its
 * `optimization_progress` events still held in the log window (progress is noise the host may
 * drop under overload, so some can be missing).
 */
function reportedFronts(task: TaskState): Record<string, number>[][] {
  const isStart = (e: EngineEvent): boolean => e.eventType === 'optimization_started' && e.data.taskId === task.taskId;
  const progress = liveBuffer.newestWhere(
    (e) => e.eventType === 'optimization_progress' && e.data.taskId === task.taskId,
    MAX_FRONTS,
    isStart
  ) as EngineEvent<'optimization_progress'>[];
  return progress.reverse().map((e) => e.data.data.front);
}

/** Multi-objective search: criteria, live progress and front, the final front and its designs. */
export function OptimizationPanel(): ReactElement {
  const task = useSession(selectLatestOptimization);
  const version = useSession(currentVersion);
  const request = useFlightdeck((s) => s.optimization.request);
  const status = useSession((state) => taskViewStatus(request, selectLatestOptimization(state), (id) => Object.hasOwn(state.tasks, id)));
  const start = useFlightdeck((s) => s.optimization.start);
  const cancel = useFlightdeck((s) => s.optimization.cancel);
  const applyConfiguration = useFlightdeck((s) => s.configuration.applyConfiguration);
  const applying = useFlightdeck((s) => s.configuration.busy);
  const readOnly = useReadOnlyReason();
  const lastChange = useFlightdeck((s) => s.configuration.lastChange);
  const [objectives, setObjectives] = useState<Record<ObjectiveKey, boolean>>({ minimizeWeight: true, maximizeStealth: true, minimizeCost: false, maximizeRange: false });
  const seed = useWholeNumber(7);
  const population = useWholeNumber(32);
  const generations = useWholeNumber(10);
  const [minTW, setMinTW] = useState('');
  const [minRadius, setMinRadius] = useState('');
  const [axes, setAxes] = useState<{ x: string; y: string } | null>(null);
  const [appliedIndex, setAppliedIndex] = useState<number | null>(null);

  const running = status === 'starting' || status === 'running';
  const result = task && status === 'completed' ? optimizationResultOf(task) : null;
  const liveFrontValues = useMemo(() => (task && status === 'running' ? (optimizationProgressOf(task)?.front ?? []) : []), [task, status]);
  const fronts = useMemo(() => (task && status === 'completed' ? reportedFronts(task) : []), [task, status]);
  const keys = useMemo(
    () => (result ? objectiveKeys(result.objectives, result.front) : objectiveKeys([], liveFrontValues.map((objectives) => ({ objectives })))),
    [result, liveFrontValues]
  );
  const chosen = axes && keys.includes(axes.x) && keys.includes(axes.y) ? axes : defaultAxes(keys);
  const points = useMemo(() => (result ? paretoPoints(result.front, chosen.x, chosen.y) : []), [result, chosen.x, chosen.y]);
  const history = useMemo(() => fronts.flatMap((front) => snapshotPoints(front, chosen.x, chosen.y)), [fronts, chosen.x, chosen.y]);
  const liveFront = useMemo(() => snapshotPoints(liveFrontValues, chosen.x, chosen.y).map((p, index) => ({ ...p, index })), [liveFrontValues, chosen.x, chosen.y]);

  const submit = (): void => {
    const criteria: OptimizationCriteria = { ...objectives, seed: seed.value, populationSize: population.value, generations: generations.value };
    const constraints: NonNullable<OptimizationCriteria['constraints']> = {};
    if (Number(minTW) > 0) constraints.minThrustToWeight = Number(minTW);
    if (Number(minRadius) > 0) constraints.minCombatRadiusKm = Number(minRadius);
    if (Object.keys(constraints).length > 0) criteria.constraints = constraints;
    setAppliedIndex(null);
    void start(criteria);
  };
  const noObjective = !Object.values(objectives).some(Boolean);

  return (
    <Panel title="Optimization" meta={status === 'idle' ? 'NSGA-II over engine, materials, coating and radar' : status} className="wb-span-all" testId="optimization-panel">
      <form
        className="ac-form"
        aria-label="Optimization criteria"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="cs-fieldset ac-objectives">
          <legend>Objectives</legend>
          {OBJECTIVES.map((o) => (
            <label key={o.key} className="wb-check">
              <input type="checkbox" checked={objectives[o.key]} onChange={(e) => setObjectives({ ...objectives, [o.key]: e.target.checked })} />
              {o.label}
            </label>
          ))}
        </fieldset>
        <label className="wb-field">
          <span>Seed</span>
          <WholeNumberField className="wb-input ac-small" value={seed.value} min={0} max={2 ** 31} onValue={seed.onValue} />
        </label>
        <label className="wb-field">
          <span>Population</span>
          <WholeNumberField className="wb-input ac-small" value={population.value} min={8} max={400} onValue={population.onValue} />
        </label>
        <label className="wb-field">
          <span>Generations</span>
          <WholeNumberField className="wb-input ac-small" value={generations.value} min={1} max={500} onValue={generations.onValue} />
        </label>
        <label className="wb-field">
          <span>Min T/W</span>
          <input className="wb-input ac-small" inputMode="decimal" placeholder="none" value={minTW} onChange={(e) => setMinTW(e.target.value)} />
        </label>
        <label className="wb-field">
          <span>Min combat radius (km)</span>
          <input className="wb-input ac-small" inputMode="decimal" placeholder="none" value={minRadius} onChange={(e) => setMinRadius(e.target.value)} />
        </label>
        <button type="submit" className="wb-btn wb-btn-primary" disabled={running || noObjective || !seed.valid || !population.valid || !generations.valid || readOnly !== null} title={readOnly ?? undefined}>
          Start optimization
        </button>
        <button type="button" className="wb-btn" disabled={status !== 'running'} onClick={() => void cancel()}>
          Cancel
        </button>
      </form>
      {noObjective && <p className="wb-error-text">Choose at least one objective.</p>}
      {request.error && <p className="wb-error-text" role="alert">{request.error}</p>}
      <TaskProgress status={status} task={task} label="Optimization progress" testId="optimization-progress" />
      {keys.length > 2 && (
        <div className="wb-toolbar ac-axes">
          <label className="wb-field">
            <span>X axis</span>
            <select className="wb-select" value={chosen.x} onChange={(e) => setAxes({ ...chosen, x: e.target.value })}>
              {keys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label className="wb-field">
            <span>Y axis</span>
            <select className="wb-select" value={chosen.y} onChange={(e) => setAxes({ ...chosen, y: e.target.value })}>
              {keys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
        </div>
      )}
      {result && task ? (
        <div className="ac-front">
          <InputsNotice inputs={result.inputs} currentVersion={version} testId="optimization-freshness" />
          <ParetoChart
            points={points}
            history={history}
            front={result.front}
            xKey={chosen.x}
            yKey={chosen.y}
            xLabel={axisLabel(chosen.x, result.objectives)}
            yLabel={axisLabel(chosen.y, result.objectives)}
          />
          <p className="wb-note">
            {result.front.length} design{result.front.length === 1 ? '' : 's'} on the front · {result.evaluations} evaluations
            {task.durationMs !== null ? ` in ${formatMs(task.durationMs)}` : ''}
          </p>
          {result.front.length > 0 && result.front.every((design) => design.valid === false) && (
            <p className="wb-note wb-note--warning" role="status">
              No design met the constraints: these are the least-violating designs, ranked by how far they miss
              (T/W, combat radius, thermal margin, design rules), not a Pareto front.
            </p>
          )}
          {appliedIndex !== null && lastChange?.label === `optimized design #${appliedIndex + 1}` && (
            <p className="wb-note" role="status" data-testid="design-applied">
              Design #{appliedIndex + 1} applied as configuration version <strong>{lastChange.result.version}</strong>:{' '}
              {lastChange.result.engines.filter((e) => e.outcome === 'computed').length} of {lastChange.result.engines.length} engines computed,{' '}
              {lastChange.result.violations.opened.length} violation(s) opened, {lastChange.result.violations.resolved.length} resolved.
            </p>
          )}
          <div className="wb-table-wrap" tabIndex={0} role="region" aria-label="Designs of the Pareto front">
            <table className="wb-table" data-testid="front-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Engine · radar · coating</th>
                  <th scope="col">Constraints</th>
                  <th scope="col">
                    <span className="fd-sr">Apply</span>
                  </th>
                  {keys.map((k) => (
                    <th key={k} scope="col" className="wb-num">
                      {k}
                    </th>
                  ))}
                  {SHOWN_FIGURES.filter((f) => !keys.includes(f)).map((f) => (
                    <th key={f} scope="col" className="wb-num">
                      {f}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.front.map((design, index) => (
                  <tr key={index}>
                    <td>{index + 1}</td>
                    {/* What the design is, whether it meets the constraints and its Apply come first: the figures may scroll. */}
                    <td className="wb-mono ac-genes-cell">
                      {String(design.genes.engineModel ?? '—')} · {String(design.genes.radar ?? '—')} · {String(design.genes.coating ?? '—')}
                    </td>
                    <td>{design.valid === false ? <Badge tone="warning">violated</Badge> : <Badge tone="ok">met</Badge>}</td>
                    <td>
                      <button
                        type="button"
                        className="wb-btn"
                        disabled={applying || readOnly !== null} title={readOnly ?? undefined}
                        onClick={() => {
                          setAppliedIndex(index);
                          void applyConfiguration(design.configuration, `optimized design #${index + 1}`);
                        }}
                      >
                        Apply design
                      </button>
                    </td>
                    {keys.map((k) => (
                      <td key={k} className="wb-num">
                        {formatNumber(design.objectives[k] ?? NaN)}
                      </td>
                    ))}
                    {SHOWN_FIGURES.filter((f) => !keys.includes(f)).map((f) => (
                      <td key={f} className="wb-num">
                        {design.figures[f] === undefined ? '—' : formatNumber(design.figures[f])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : running && liveFront.length > 0 ? (
        <ParetoChart points={liveFront} front={[]} xKey={chosen.x} yKey={chosen.y} xLabel={chosen.x} yLabel={chosen.y} />
      ) : (
        status === 'idle' && <EmptyState title="No optimization run yet">Choose objectives and start; the front appears as generations complete.</EmptyState>
      )}
    </Panel>
  );
}
