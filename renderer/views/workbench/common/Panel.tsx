import type { ReactElement, ReactNode } from 'react';

interface PanelProps {
  title: string;
  /** Short text after the title (a count, the latest value…). */
  meta?: ReactNode;
  /** Controls shown at the right of the header. */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** A titled card of a workbench view; its heading names the region for assistive technology. */
export function Panel({ title, meta, actions, children, className, testId }: PanelProps): ReactElement {
  const headingId = `wb-panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`wb-panel ${className ?? ''}`} aria-labelledby={headingId} data-testid={testId}>
      <header className="wb-panel-header">
        <h2 id={headingId} className="wb-panel-title">
          {title}
        </h2>
        {meta !== undefined && <span className="wb-panel-meta">{meta}</span>}
        {actions && <div className="wb-panel-actions">{actions}</div>}
      </header>
      <div className="wb-panel-body">{children}</div>
    </section>
  );
}

/** What a panel shows before it has data: what is missing and what would fill it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }): ReactElement {
  return (
    <div className="wb-empty" role="status">
      <strong>{title}</strong>
      {children && <p>{children}</p>}
    </div>
  );
}

/** A small labelled figure. */
export function KpiTile({ label, value, tone, testId }: { label: string; value: string; tone?: 'ok' | 'warn' | 'error'; testId?: string }): ReactElement {
  return (
    <div className={`wb-kpi ${tone ? `wb-kpi-${tone}` : ''}`} data-testid={testId}>
      <span className="wb-kpi-label">{label}</span>
      <span className="wb-kpi-value">{value}</span>
    </div>
  );
}

/** A severity (or outcome) as a coloured, labelled badge. */
export function Badge({ tone, children }: { tone: string; children: ReactNode }): ReactElement {
  return <span className={`wb-badge wb-tone-${tone}`}>{children}</span>;
}
