/** Small pure helpers shared by the chart components (no Svelte, no DOM). */
import type { MetricKey, Num, ResultsJson } from '../engine/index.ts';
import { METRIC_UNITS } from '../engine/index.ts';
import { schemeColors } from './palette.ts';
import type { Lang } from './format.ts';

/** Chart type sizes (px at the chart's own width; an export scales them with the chart). */
export const TYPE = { title: 15, label: 13, tick: 12, small: 11 } as const;

/** Scheme id → colour: given colours win, the rest from the palette (baseline first). */
/** The props every results chart takes (a chart with more extends it). */
export interface ResultsChartProps {
  results: ResultsJson;
  lang?: Lang;
  /** Scheme ids to draw (default: all). */
  schemes?: string[];
  /** Scheme id → colour (default: the palette by scheme order). */
  colours?: Record<string, string>;
  width?: number;
  height?: number;
  showTitle?: boolean;
  title?: string;
}

export function colourMap(results: Pick<ResultsJson, 'schemes' | 'baseline'>, colours?: Record<string, string>): Record<string, string> {
  return { ...schemeColors(results.schemes, results.baseline), ...(colours ?? {}) };
}

/** A contract number (null = does not exist) as a float; null → NaN. */
/** The schemes a chart shows: the chosen ids in their order, or all of them. */
export function shownSchemes<S extends { id: string }>(all: readonly S[], ids?: readonly string[]): S[] {
  return ids ? ids.flatMap((id) => all.filter((s) => s.id === id)) : [...all];
}

export const num = (x: Num | undefined): number => (x === null || x === undefined ? NaN : x);

export type ValueKind = 'money' | 'share' | 'count';

/** How a metric's values read, from its unit in the engine's metric registry. */
export function metricKind(key: MetricKey): ValueKind {
  const unit = METRIC_UNITS[key];
  return unit === 'roubles' ? 'money' : unit === 'share' ? 'share' : 'count';
}

/** Estimated width of a line of text (no DOM: the same in tests, browsers and exports). */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += /[ .,:;'|!il1()\u00A0\u202F]/.test(ch) ? 0.32 : /[MWmwЖШЩЮМ%]/.test(ch) ? 0.88 : /[A-ZА-Я0-9]/.test(ch) ? 0.66 : 0.58;
  return w * size * (bold ? 1.08 : 1);
}

/** The text cut with "…" to fit `maxWidth`. */
export function truncate(text: string, maxWidth: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', size, bold) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}

export type LegendMark = 'line' | 'dash' | 'box' | 'dot' | 'ring' | 'diamond' | 'band' | 'hatch';

export interface LegendItem {
  label: string;
  colour: string;
  mark: LegendMark;
  /** Band opacity or line width. */
  weight?: number;
}

export interface PlacedLegendItem extends LegendItem {
  x: number;
  y: number;
  text: string;
}

export const LEGEND_ROW = 20;
const MARK_W = 20;

/** Items flowed left to right, wrapping at `width`; returns the positions and total height. */
export function legendLayout(items: readonly LegendItem[], width: number, size: number = TYPE.label): { items: PlacedLegendItem[]; height: number } {
  const placed: PlacedLegendItem[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const text = truncate(item.label, Math.max(60, width - MARK_W - 6), size);
    const w = MARK_W + 6 + textWidth(text, size) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      y += LEGEND_ROW;
    }
    placed.push({ ...item, text, x, y });
    x += w;
  }
  return { items: placed, height: items.length === 0 ? 0 : y + LEGEND_ROW };
}

/** Index of the value in sorted `xs` nearest to x. */
export function nearestIndex(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}

/** [min, max] of the finite values (fallback when there are none). */
export function finiteExtent(values: Iterable<number>, fallback: [number, number] = [0, 1]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : fallback;
}

/** What the hover read-out shows for one position (see ChartShell). */
export interface ReadoutRow {
  colour?: string;
  label: string;
  value: string;
  /** Drawn as a dashed swatch (a mean next to a median, say). */
  dashed?: boolean;
}
export interface Readout {
  heading: string;
  rows: ReadoutRow[];
}

/** A line over the days of a month (DayLines). */
export interface DayLine {
  id: string;
  label: string;
  colour: string;
  /** Index = day − 1; NaN where there is no value. */
  values: number[];
  dashed?: boolean;
}
/** A gate: the share of plan required by a day. */
export interface DayMarker {
  day: number;
  value: number;
  colour: string;
  label: string;
}
export interface HLine {
  value: number;
  label: string;
  /** Where the label sits along the line (default left). */
  align?: 'left' | 'right';
}
