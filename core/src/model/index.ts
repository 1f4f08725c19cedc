export * from './signals';
export * from './snapshot';
export * from './initiative';
export * from './result';
