export * from './records';
export * from './build-snapshot';
