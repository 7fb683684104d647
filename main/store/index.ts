/** The embedded event store (the only code importing better-sqlite3). Everything public is exported here. */
export * from './event-store';
export * from './event-reader';
export * from './recorder';
export * from './recovery';
export * from './session-catalog';
export * from './session-file';
export * from './session-export';
export * from './session-import';
export * from './store-query';
export { SCHEMA_VERSION, StoreVersionError, openStoreDatabase, type OpenOptions } from './schema';
export { MAX_SEQ, MAX_SESSION_ID } from './keys';
export type { CommitQueueOptions } from './commit-queue';
