/** `rows` cut into batches of at most `size`, in order: one `UNWIND $rows` write each. */
export const chunks = <T>(rows: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
