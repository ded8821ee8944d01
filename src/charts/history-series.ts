/** What the history and fit charts draw: series with a median and a band, by day of month or by month. */

/** A share by day of month (index = day − 1) with its P10–P90 band. */
export interface BandSeries {
  id: string;
  label: string;
  /** What the band is, for the legend ("P10–P90 across months"). */
  bandLabel?: string;
  colour: string;
  median: number[];
  p10?: number[];
  p90?: number[];
  dashed?: boolean;
}

/** Roubles by month: bars (the history) or a line over a band (the model). */
export interface MonthSeries {
  id: string;
  label: string;
  bandLabel?: string;
  colour: string;
  mark: 'bar' | 'line';
  values: number[];
  p10?: number[];
  p90?: number[];
  /** Months drawn pale (a partly covered month, left out of the statistics). */
  faded?: boolean[];
}

/** A labelled share (a weekday, a client). */
export interface ShareRow {
  label: string;
  share: number;
}

/** The history's colour and the model's (Okabe–Ito: black for what was observed, blue for the model). */
export const HISTORY_COLOUR = '#000000';
export const MODEL_COLOUR = '#0072B2';
export const START_COLOUR = '#E69F00';
