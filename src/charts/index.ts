/**
 * The workbench's chart components (Svelte 5 + D3) and their helpers. Every chart takes
 * the results contract (`ResultsJson`) or a scheme, a `lang`, optional `colours` (id →
 * colour; default `schemeColors`, baseline first) and sizes itself to its container.
 */
export { default as CashFan } from './CashFan.svelte';
export { default as IntraMonth } from './IntraMonth.svelte';
export { default as EffortByDay } from './EffortByDay.svelte';
export { default as Distributions } from './Distributions.svelte';
export { default as PayPerPerson } from './PayPerPerson.svelte';
export { default as Growth } from './Growth.svelte';
export { default as Activity } from './Activity.svelte';
export { default as ClientsByMonth } from './ClientsByMonth.svelte';
export { default as Inbound } from './Inbound.svelte';
export { default as Workforce } from './Workforce.svelte';
export { default as AbsenceCover } from './AbsenceCover.svelte';
export { default as CoverMatrix } from './CoverMatrix.svelte';
export { default as Dso } from './Dso.svelte';
export { hasActivity, hasActiveClients, hasCover, hasInbound, hasWorkforce } from './month-series.ts';
export { default as SummaryTable } from './SummaryTable.svelte';
export { default as PayoutCurve } from './PayoutCurve.svelte';
export { default as ChartShell } from './ChartShell.svelte';
export { OKABE_ITO, schemeColor, schemeColors, INK, FONT } from './palette.ts';
export * from './format.ts';
export { labels, type ChartLabels } from './labels.ts';
export { colourMap, metricKind, type ValueKind, type Readout, type ReadoutRow } from './common.ts';
