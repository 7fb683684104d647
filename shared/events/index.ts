export * from './envelope';
export * from './payloads';
export * from './catalog';
export * from './history-query';
