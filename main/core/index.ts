/** The inter-engine core: plain Node, no Electron. Everything public is exported here. */
export * from './log/event-log';
export * from './log/live-projection';
export type * from './log/publish';
export * from './bus/event-bus';
export * from './bus/errors';
export type * from './bus/types';
export * from './registry';
export * from './consistency';
export * from './performance';
export * from './engine';
export * from './coordinator/engine-coordinator';
export * from './coordinator/engine-runner';
export * from './coordinator/fault-injector';
export * from './coordinator/cross-engine-analysis';
export * from './coordinator/long-running-tasks';
export * from './config/data-file';
export * from './config/flightdeck-config';
