/**
 * The bundled example history (scenarios/history-example.csv): one simulated run of the
 * client department under the threshold scheme, written by `paybench history` as a
 * Russian bank writes a statement — labelled as simulated wherever it is offered. The
 * Library's "fit to a history" opens it with the scenario it is fitted to; its text loads
 * only then (it is not part of the page's first load).
 */
export const HISTORY_EXAMPLE = { id: 'fit-to-history', file: 'history-example.csv', scenario: 'client-department', scheme: 'threshold' } as const;

/** The example's bytes, as a picked file would give them. */
export async function historyExampleBytes(): Promise<Uint8Array> {
  const { default: text } = await import('../../scenarios/history-example.csv?raw');
  return new TextEncoder().encode(text);
}
