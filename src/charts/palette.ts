/**
 * Scheme colours: the Okabe–Ito palette (Okabe & Ito 2008), distinguishable with every
 * common colour-vision deficiency. The baseline takes the first colour; the other schemes
 * follow in scenario order, so a scheme keeps its colour in every chart and card.
 * Yellow is last: it is the weakest line on white.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
] as const;

/** The colour of the scheme at `index` in baseline-first order (cycles past eight). */
export function schemeColor(index: number): string {
  const n = OKABE_ITO.length;
  return OKABE_ITO[((Math.trunc(index) % n) + n) % n];
}

/** id → colour: the baseline first, then the others in the order given. */
export function schemeColors(schemes: readonly { id: string }[], baseline?: string): Record<string, string> {
  const ordered = [...schemes.filter((s) => s.id === baseline), ...schemes.filter((s) => s.id !== baseline)];
  return Object.fromEntries(ordered.map((s, i) => [s.id, schemeColor(i)]));
}

/** Neutral inks shared by all charts (axes, grid, reference lines). */
export const INK = {
  text: '#1f2328',
  muted: '#57606a',
  axis: '#8c959f',
  grid: '#e6e8eb',
  reference: '#24292f',
  /** The cash gap: hatched in ink (no hue, so it never reads as a scheme). */
  gap: '#24292f',
  gapZone: 'rgba(31, 35, 40, 0.03)',
  reserve: '#cf222e',
} as const;

/** Font stack written into every SVG (exported files carry it with them). */
export const FONT = 'system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif';
