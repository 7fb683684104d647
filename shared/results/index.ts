export * from './freshness';
export * from './analysis';
export * from './optimization';
export * from './simulation';
export * from './mission-profile';
