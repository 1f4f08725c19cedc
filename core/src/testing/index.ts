export * from './snapshot-builder';
