import type { AnalysisResult } from '../core/coordinator/cross-engine-analysis';
import type { DesignFinding } from '../../shared/protocol';

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
  return [
    `${result.analysisType} (configuration v${result.configVersion}, ${result.durationMs.toFixed(1)} ms, engines: ${Object.keys(result.contributions).join(', ')})`,
    table(rows),
    ...(errors.length ? ['errors:', ...errors] : [])
  ].join('\n');
}

export function formatFront(result: Record<string, unknown>): string {
  const objectives = (result.objectives as { name: string; unit: string }[]) ?? [];
  const front = (result.front as { genes: Record<string, unknown>; objectives: Record<string, number>; valid: boolean }[]) ?? [];
  const rows: (string | number)[][] = [['#', 'engine', ...objectives.map((o) => `${o.name} (${o.unit})`), 'valid']];
  front.forEach((design, index) =>
    rows.push([String(index + 1), String(design.genes.engineModel), ...objectives.map((o) => design.objectives[o.name] ?? Number.NaN), design.valid ? 'yes' : 'no'])
  );
  return [
    `Pareto front: ${front.length} designs, ${String(result.evaluations)} evaluations (${formatNumber(Number(result.evaluationsPerSecond))}/s), seed ${String(result.seed)}${result.cancelled ? ', cancelled' : ''}`,
    table(rows)
  ].join('\n');
}

export function formatSimulation(result: Record<string, unknown>): string {
  const phases = (result.phases as { name: string; startS: number; endS: number; fuelUsedKg: number; distanceKm: number }[]) ?? [];
  const totals = result.totals as { durationS: number; fuelUsedKg: number; distanceKm: number; fuelRemainingKg: number } | undefined;
  const rows: (string | number)[][] = [['phase', 'start (s)', 'end (s)', 'fuel (kg)', 'distance (km)']];
  for (const p of phases) rows.push([p.name, p.startS, p.endS, p.fuelUsedKg, p.distanceKm]);
  return [
    result.completed ? 'Mission completed' : `Mission not completed: ${String(result.failureReason ?? 'cancelled')}`,
    table(rows),
    totals ? `total: ${formatNumber(totals.durationS)} s, ${formatNumber(totals.fuelUsedKg)} kg fuel, ${formatNumber(totals.distanceKm)} km, ${formatNumber(totals.fuelRemainingKg)} kg left` : ''
  ].join('\n');
}

export function formatFindings(file: string, valid: boolean, findings: DesignFinding[]): string {
  const lines = findings.map((f) => `  ${f.severity.padEnd(7)} ${f.path}: ${f.message} [${f.code}]`);
  return [`${file}: ${valid ? 'valid' : 'INVALID'} (${findings.length} finding${findings.length === 1 ? '' : 's'})`, ...lines].join('\n');
}
