export * from './state';
export * from './reduce';
export * from './selectors';
