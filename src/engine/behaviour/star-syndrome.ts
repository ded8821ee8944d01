/**
 * Star syndrome (MODEL.md P6; article 000): staff of a sector with an easy inbound flow
 * and high, stable pay start to coast ("the flow will feed me"), and their conversion of
 * the flow erodes (agents/sales-month.ts reads the star level). A deputy head's daily
 * control damps it; re-attestation cures part of it. The levels live in the run's selling,
 * so nothing is kept between runs.
 */
import type { BehaviourModule, RunWorld } from './behaviour.ts';

export class StarSyndrome implements BehaviourModule {
  readonly key = 'star';
  readonly reads = "the inbound sector's pay of the last three months against salary, and how stable it is; the scheme's deputy head and re-attestation";
  readonly changes = "each inbound seller's star level, at a month's end";

  constructor(private readonly world: RunWorld) {}

  /** Month m's end: the star level grows with easy, high, stable pay (pay above salary, little month-to-month change). */
  endMonth(m: number): void {
    const { model, scheme, workforce, selling } = this.world;
    const star = model.scenario.behaviour.star;
    if (!selling || !star.enabled) return;
    const { attestationMonths, deputyHead } = scheme.scheme;
    const { sellers, inbound } = selling.people;
    for (const j of sellers) {
      if (!inbound[j]) continue;
      const salary = model.staff[j].salary;
      const pays = [0, 1, 2].map((k) => workforce.recentPay[j * 3 + k]);
      const mean = (pays[0] + pays[1] + pays[2]) / 3;
      const spread = Math.sqrt(pays.reduce((a, p) => a + (p - mean) ** 2, 0) / 3);
      const stability = mean > 0 ? Math.max(0, 1 - spread / mean) : 0;
      const grow = star.growth * Math.max(0, mean / Math.max(1, salary) - 1) * stability * (deputyHead ? 1 - star.deputyDamping : 1);
      selling.star[j] = Math.min(1, selling.star[j] + grow);
      if (attestationMonths > 0 && (m + 1) % attestationMonths === 0) selling.star[j] *= 1 - star.attestationCure;
      if (workforce.isVacant(j)) selling.star[j] = 0; // a new hire starts humble
    }
  }
}
