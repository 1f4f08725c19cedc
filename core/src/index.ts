export * from './contracts/problem';
export * from './contracts/me';
export * from './contracts/initiative';
export * from './model/index';
