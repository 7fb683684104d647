export * from './compare-values';
export * from './data-cache';
export * from './rule-book';
export * from './rule-check';
export * from './rule-coverage';
export * from './violation-ledger';
export * from './invalidation';
export * from './data-consistency-manager';
