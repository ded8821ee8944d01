/** How the bench prints a repeated measurement: its median, and its range beside it. */

/** The middle value (the upper of the two middle ones for an even count): one slow or lucky sample does not move it. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** " (min–max)", each written by `f`; nothing for a single sample. */
export const spread = (xs: readonly number[], f: (x: number) => string): string => (xs.length > 1 ? ` (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : '');
