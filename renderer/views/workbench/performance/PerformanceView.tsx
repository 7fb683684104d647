import { useCallback, useMemo, useRef, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck, useSession } from '../../../store';
import {
  bytesToMB,
  CHART_RANGES,
  memoryPoints,
  queueWaitRows,
  ratePoints,
  slowOperationRows,
  statsForGrouping,
  topLatencyRows,
  withinRange,
  type LatencyGrouping
} from '../../../store/workbench/performance/performance-rows';
import { Panel } from '../common/Panel';
import { useWhileVisible } from '../common/use-while-visible';
import { formatNumber } from '../common/units';
import { BusStatsTiles } from './BusStatsTiles';
import { StoreHealthPanel } from './StoreHealthPanel';
import { EventsRateChart } from './EventsRateChart';
import { LatencyChart } from './LatencyChart';
import { MemoryChart } from './MemoryChart';
import { QueueWaitChart } from './QueueWaitChart';
import { SlowOperationsTable } from './SlowOperationsTable';
import '../common/workbench.css';

/** The report is polled this often while the view is on screen. */
const REPORT_POLL_MS = 2000;
const TOP_OPERATIONS = 12;

const GROUPINGS: readonly { value: LatencyGrouping; label: string }[] = [
  { value: 'operation', label: 'Operation' },
  { value: 'eventType', label: 'Event type' },
  { value: 'engine', label: 'Engine' }
];

/**
 * Throughput, handler latency, queue waits, memory and slow operations of the host: the latest
 * figures from the session state (`performance_updated`), the series and windows from the
 * monitor's report, fetched while the view is on screen.
 */
export function PerformanceView(): ReactElement {
  const rootRef = useRef<HTMLElement>(null);
  const summary = useSession((state) => state.performance);
  const { report, receivedAt, reportError, grouping, slowThresholdMs } = useFlightdeck(
    useShallow((s) => ({
      report: s.performance.report,
      receivedAt: s.performance.receivedAt,
      reportError: s.performance.reportError,
      grouping: s.performance.grouping,
      slowThresholdMs: s.performance.slowThresholdMs
    }))
  );
  const connected = useFlightdeck((s) => s.connection.info.state === 'open');
  const loadReport = useFlightdeck((s) => s.performance.loadReport);
  const setGrouping = useFlightdeck((s) => s.performance.setGrouping);
  const setSlowThreshold = useFlightdeck((s) => s.performance.setSlowThreshold);
  const poll = useCallback(() => {
    if (connected) void loadReport();
  }, [connected, loadReport]);
  useWhileVisible(rootRef, poll, REPORT_POLL_MS);

  const latencyRows = useMemo(() => (report ? topLatencyRows(statsForGrouping(report, grouping), TOP_OPERATIONS) : []), [report, grouping]);
  const slowRows = useMemo(() => (report ? slowOperationRows(report.operations, slowThresholdMs) : []), [report, slowThresholdMs]);
  const queueRows = useMemo(() => (report ? queueWaitRows(report) : []), [report]);
  const [rangeIndex, setRangeIndex] = useState(1);
  const rangeMs = CHART_RANGES[rangeIndex]?.ms ?? null;
  const rate = useMemo(() => (report ? withinRange(ratePoints(report, receivedAt), rangeMs) : []), [report, receivedAt, rangeMs]);
  const memory = useMemo(() => (report ? withinRange(memoryPoints(report, receivedAt), rangeMs) : []), [report, receivedAt, rangeMs]);
  const heapBytes = summary?.heapUsedBytes ?? null;
  const rssBytes = summary?.rssBytes ?? null;

  return (
    <section ref={rootRef} className="wb-view" aria-label="Performance" data-testid="performance-view">
      <Panel
        title="Event bus"
        meta={
          reportError ? (
            <span className="wb-error-text">{reportError}</span>
          ) : (
            <span data-testid="perf-history-count">
              counters since the session started{report ? ` · ${report.eventHistoryCount.toLocaleString('en-US')} events in history` : ''}
            </span>
          )
        }
      >
        <BusStatsTiles bus={report?.bus ?? null} />
      </Panel>
      <StoreHealthPanel />
      <div className="wb-grid">
        <Panel
          title="Events per second"
          actions={
            <label className="wb-field">
              <span>Range</span>
              <select className="wb-select" value={rangeIndex} onChange={(e) => setRangeIndex(Number(e.target.value))} aria-label="Time range of the rate and memory charts">
                {CHART_RANGES.map((range, i) => (
                  <option key={range.label} value={i}>
                    {range.label}
                  </option>
                ))}
              </select>
            </label>
          }
          meta={
            <span>
              latest <strong className="wb-big-figure" data-testid="perf-latest-rate">{summary ? formatNumber(summary.eventsPerSecond) : '—'}</strong> ev/s
            </span>
          }
        >
          <EventsRateChart rate={rate} />
        </Panel>
        <Panel
          title="Memory"
          meta={
            heapBytes !== null && rssBytes !== null ? (
              <span data-testid="perf-latest-memory">
                heap {bytesToMB(heapBytes).toFixed(1)} MB · RSS {bytesToMB(rssBytes).toFixed(1)} MB
              </span>
            ) : (
              'host process'
            )
          }
        >
          <MemoryChart memory={memory} />
        </Panel>
        <Panel
          title="Handler latency"
          // The all-handlers percentile is left out: the host's own stream handler sees every event in
          // microseconds and would hide the engines' latency behind it.
          meta={report ? `top ${latencyRows.length} by p99 · over the last 1,000 calls each` : undefined}
          actions={
            <label className="wb-field">
              <span>Group by</span>
              <select className="wb-select" value={grouping} onChange={(e) => setGrouping(e.target.value as LatencyGrouping)}>
                {GROUPINGS.map((g) => (
                  <option key={g.value} value={g.value}>
                    {g.label}
                  </option>
                ))}
              </select>
            </label>
          }
        >
          <LatencyChart rows={latencyRows} />
        </Panel>
        <Panel title="Queue wait by priority" meta="time from publish to delivery">
          <QueueWaitChart rows={queueRows} />
        </Panel>
        <Panel
          title="Slow operations"
          className="wb-span-all"
          actions={
            <label className="wb-field">
              <span>Threshold (ms)</span>
              <input
                className="wb-input"
                type="number"
                min={0}
                step={10}
                value={slowThresholdMs}
                onChange={(e) => setSlowThreshold(Number(e.target.value) || 0)}
              />
            </label>
          }
        >
          <SlowOperationsTable rows={slowRows} thresholdMs={slowThresholdMs} />
        </Panel>
      </div>
    </section>
  );
}
