/**
 * Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a formula
 * (OWASP, "CSV injection"): a name or excerpt from a source could then run in a researcher's
 * spreadsheet. Kinline's CSV exports put an apostrophe before such a cell, which spreadsheets
 * show as text; its CSV import takes that apostrophe off again, so an export re-imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export const restoreFormula = (text: string): string =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
