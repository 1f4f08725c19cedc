export * from './records';
export * from './build-snapshot';
export * from './codec';
export * from './erase';
