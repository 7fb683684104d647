export * from './engine-registry';
