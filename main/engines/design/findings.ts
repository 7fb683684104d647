/** How serious a design finding is: an `error` makes the configuration invalid. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** One result of validating a configuration; `path` points into the configuration. */
export interface DesignFinding {
  code: string;
  severity: FindingSeverity;
  message: string;
  path: string;
}
