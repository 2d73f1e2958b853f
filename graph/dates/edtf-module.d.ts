// The `edtf` package ships no types; this is the part of its API Kinline uses.
declare module 'edtf' {
  interface Bitmask {
    value: number;
  }
  interface ExtDate {
    type: 'Date' | 'Year' | 'Season' | 'Interval' | 'Set' | 'List' | 'Decade' | 'Century';
    min: number;
    max: number;
    precision?: number;
    approximate?: Bitmask;
    uncertain?: Bitmask;
  }
  export default function edtf(text: string): ExtDate;
}
