export * from './common.js';
export * from './entities.js';
export * from './relationships.js';
export * from './dataset.js';
export * from './database.js';
export * from './statements.js';
