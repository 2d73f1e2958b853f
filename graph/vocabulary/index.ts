/**
 * The vocabulary, declared once as data: entity types with their fields, relationship types,
 * event kinds, confidence and disclosure levels. Browser code imports the single files it needs
 * (entity-types, relationship-types, event-kinds, confidence): they hold no zod field shapes.
 */
export * from './confidence.js';
export * from './disclosure.js';
export * from './entity-fields.js';
export * from './entity-types.js';
export * from './event-kinds.js';
export * from './ftm-schemata.js';
export * from './geometry.js';
export * from './precision.js';
export * from './relationship-types.js';
export * from './values.js';
export * from './vocabulary.js';
