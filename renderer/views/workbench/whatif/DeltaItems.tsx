import type { ReactElement } from 'react';
import type { ChangedViolation, ViolationDelta, WhatIfViolation } from '../../../../shared/protocol';
import { formatFigure, fullFigure, violationKey } from '../../../store/workbench/whatif/whatif-text';
import { Badge } from '../common/Panel';

function Figure({ value }: { value: unknown }): ReactElement {
  return (
    <span className="wb-mono" title={fullFigure(value)}>
      {formatFigure(value)}
    </span>
  );
}

function Identity({ v }: { v: Pick<WhatIfViolation, 'ruleId' | 'sourceEngine' | 'dependentEngine' | 'field'> }): ReactElement {
  return (
    <>
      <span className="wb-mono wi-rule-id">{v.ruleId}</span>{' '}
      <span className="wb-dim">
        {v.sourceEngine} → {v.dependentEngine}
        {v.field ? ' · ' : ''}
      </span>
      {v.field && <span className="wb-mono">{v.field}</span>}
    </>
  );
}

function ViolationItem({ v }: { v: WhatIfViolation }): ReactElement {
  return (
    <li className="wi-item" title={v.message} data-rule={v.ruleId}>
      <Identity v={v} /> <Badge tone={v.severity}>{v.severity}</Badge>{' '}
      <span className="wi-figures">
        expected <Figure value={v.expected} />, actual <Figure value={v.actual} />
      </span>
    </li>
  );
}

/** "error → warning" when a figure changed, the one value when it did not. */
function BeforeAfter({ before, after }: { before: unknown; after: unknown }): ReactElement {
  if (JSON.stringify(before) === JSON.stringify(after)) return <Figure value={after} />;
  return (
    <>
      <Figure value={before} /> → <strong><Figure value={after} /></strong>
    </>
  );
}

function ChangedItem({ v }: { v: ChangedViolation }): ReactElement {
  return (
    <li className="wi-item" title={v.edited.message} data-rule={v.ruleId}>
      <Identity v={v} />{' '}
      <span className="wi-figures">
        severity <BeforeAfter before={v.recorded.severity} after={v.edited.severity} />, expected <BeforeAfter before={v.recorded.expected} after={v.edited.expected} />, actual{' '}
        <BeforeAfter before={v.recorded.actual} after={v.edited.actual} />
      </span>
    </li>
  );
}

/** The three lists of a violation delta, each only when it has items. */
export function DeltaItems({ delta }: { delta: ViolationDelta }): ReactElement {
  return (
    <div className="wi-delta">
      {delta.opened.length > 0 && (
        <div className="wi-delta-group" data-kind="opened">
          <span className="wi-delta-label wb-tone-error">Would open</span>
          <ul>
            {delta.opened.map((v) => (
              <ViolationItem key={violationKey(v)} v={v} />
            ))}
          </ul>
        </div>
      )}
      {delta.noLongerOpened.length > 0 && (
        <div className="wi-delta-group" data-kind="no-longer-opened">
          <span className="wi-delta-label wb-tone-ok">Would no longer open</span>
          <ul>
            {delta.noLongerOpened.map((v) => (
              <ViolationItem key={violationKey(v)} v={v} />
            ))}
          </ul>
        </div>
      )}
      {delta.changed.length > 0 && (
        <div className="wi-delta-group" data-kind="changed">
          <span className="wi-delta-label wb-tone-warn">Would change</span>
          <ul>
            {delta.changed.map((v) => (
              <ChangedItem key={violationKey(v)} v={v} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
