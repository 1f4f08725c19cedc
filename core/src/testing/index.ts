export * from './snapshot-builder';
export * from './diagnostic-input';
