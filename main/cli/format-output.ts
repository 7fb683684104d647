import type { DesignFinding } from '../../shared/findings';
import type { AnalysisResult, OptimizationResult, SimulationResult } from '../../shared/results';

/** Pads rows of cells into aligned columns (first column left, others right). */
function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const widths = cells[0]?.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length))) ?? [];
  return cells.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(4)).toString();
}

export function formatAnalysis(result: AnalysisResult): string {
  const rows: (string | number)[][] = [['figure', 'value']];
  for (const [key, value] of Object.entries(result.summary)) rows.push([key, typeof value === 'number' ? value : String(value)]);
  const errors = Object.entries(result.errors).map(([engine, message]) => `  ${engine}: ${message}`);
  const stale = result.inputs.staleInputs.map((input) => `  ${input.engineId} (v${input.computedVersion}, ${input.status}): ${input.reason}`);
  return [
    `${result.analysisType} (configuration v${result.inputs.configVersion}, ${result.durationMs.toFixed(1)} ms, engines: ${Object.keys(result.contributions).join(', ')})`,
    ...(stale.length ? [`NOT CURRENT — these engines are not up to date for v${result.inputs.configVersion}:`, ...stale] : []),
    table(rows),
    ...(errors.length ? ['errors:', ...errors] : [])
  ].join('\n');
}

export function formatFront(result: OptimizationResult): string {
  const { objectives, front } = result;
  const rows: (string | number)[][] = [['#', 'engine', ...objectives.map((o) => `${o.name} (${o.unit})`), 'valid']];
  front.forEach((design, index) =>
    rows.push([String(index + 1), String(design.genes.engineModel), ...objectives.map((o) => design.objectives[o.name] ?? Number.NaN), design.valid ? 'yes' : 'no'])
  );
  return [
    `Pareto front: ${front.length} designs, ${result.evaluations} evaluations (${formatNumber(result.evaluationsPerSecond)}/s), seed ${result.seed}${result.cancelled ? ', cancelled' : ''}`,
    table(rows)
  ].join('\n');
}

export function formatSimulation(result: SimulationResult): string {
  const { phases, totals } = result;
  const rows: (string | number)[][] = [['phase', 'start (s)', 'end (s)', 'fuel (kg)', 'distance (km)']];
  for (const p of phases) rows.push([p.name, p.startS, p.endS, p.fuelUsedKg, p.distanceKm]);
  return [
    result.completed ? 'Mission completed' : `Mission not completed: ${result.failureReason ?? 'cancelled'}`,
    table(rows),
    `total: ${formatNumber(totals.durationS)} s, ${formatNumber(totals.fuelUsedKg)} kg fuel, ${formatNumber(totals.distanceKm)} km, ${formatNumber(totals.fuelRemainingKg)} kg left`
  ].join('\n');
}

export function formatFindings(file: string, valid: boolean, findings: DesignFinding[]): string {
  const lines = findings.map((f) => `  ${f.severity.padEnd(7)} ${f.path}: ${f.message} [${f.code}]`);
  return [`${file}: ${valid ? 'valid' : 'INVALID'} (${findings.length} finding${findings.length === 1 ? '' : 's'})`, ...lines].join('\n');
}
