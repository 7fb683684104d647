export * from './sample-window';
export * from './rate-counter';
export * from './memory-ring';
export * from './performance-monitor';
