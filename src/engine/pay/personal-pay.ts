/**
 * Whether a scheme pays each person on their own result (own clients, the clients they
 * brought in, process units; hunters and account managers each on theirs) rather than
 * one team pool split between people. The settlement, the agents' incentives, the
 * payout calculator and the scheme card all ask this one question.
 */
import type { Scheme } from '../scenario/types.ts';

export function paysPersonally(scheme: Pick<Scheme, 'measure' | 'organisation'>): boolean {
  return (scheme.measure ?? 'teamCollections') !== 'teamCollections' || scheme.organisation === 'hunterFarmer';
}
