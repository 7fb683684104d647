import { memo, type ReactElement } from 'react';
import type { BusStats } from '../../../../shared/protocol';
import { KpiTile } from '../common/Panel';

const TILES: readonly { key: keyof BusStats; label: string; bad?: boolean }[] = [
  { key: 'published', label: 'Published' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'failedDeliveries', label: 'Failed', bad: true },
  { key: 'retries', label: 'Retries', bad: true },
  { key: 'timeouts', label: 'Timeouts', bad: true },
  { key: 'queued', label: 'Queued' },
  { key: 'rejected', label: 'Rejected', bad: true },
  { key: 'evictedFromHistory', label: 'Evicted' }
];

/** The event bus counters as small tiles; the failure counters turn amber when non-zero. */
export const BusStatsTiles = memo(function BusStatsTiles({ bus }: { bus: BusStats | null }): ReactElement {
  return (
    <div className="wb-kpis" data-testid="perf-bus-stats">
      {TILES.map((tile) => {
        const value = bus?.[tile.key];
        return (
          <KpiTile
            key={tile.key}
            label={tile.label}
            value={value === undefined ? '—' : value.toLocaleString('en-US')}
            tone={tile.bad && value ? 'warn' : undefined}
            testId={`perf-bus-${tile.key}`}
          />
        );
      })}
    </div>
  );
});
