/** The value kinds live in the vocabulary; kept here so schema users import from one place. */
export * from '../vocabulary/values.js';
