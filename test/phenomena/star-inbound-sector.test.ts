/**
 * P6 of MODEL.md §2 on scenarios/star-inbound-sector.json (article 000): an easy inbound
 * flow and high, stable pay. Seed 20260, 20 runs × 24 months per scheme. Star syndrome
 * grows from each person's own recent pay; nothing writes the conversion curve in.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import type { Scenario } from '../../src/engine/scenario/types.ts';
import { loadScenario } from './measure.ts';

const RUNS = 20;

interface Curve {
  conversion: (from: number, to: number) => number;
  star: (month: number) => number;
}

function curves(patch: (s: Scenario) => void = () => {}): Record<string, Curve> {
  const model = compileModel(loadScenario('star-inbound-sector.json', patch));
  const out: Record<string, Curve> = {};
  model.schemes.forEach((s, i) => {
    const months = model.scenario.simulation.months;
    const requests = new Float64Array(months);
    const signed = new Float64Array(months);
    const star = new Float64Array(months);
    for (let run = 0; run < RUNS; run++) {
      const r = simulateRun(model, i, run);
      for (let m = 0; m < months; m++) {
        requests[m] += r.inboundRequests[m];
        signed[m] += r.inboundSigned[m];
        star[m] += r.starLevel[m] / RUNS;
      }
    }
    const sum = (a: Float64Array, from: number, to: number) => a.slice(from - 1, to).reduce((x, y) => x + y, 0);
    out[s.scheme.id] = { conversion: (from, to) => sum(signed, from, to) / sum(requests, from, to), star: (m) => star[m - 1] };
  });
  return out;
}

const on = curves();
const off = curves((s) => (s.behaviour.star.enabled = false));

describe('P6 star syndrome (seed 20260, 20 runs × 24 months)', () => {
  it('with an easy flow and high stable pay, inbound conversion falls over the months', () => {
    expect(on.flat.conversion(13, 24)).toBeLessThan(0.75 * on.flat.conversion(1, 6));
    expect(on.flat.star(24)).toBeGreaterThan(0.5);
  });
  it('re-attestation every six months recovers part of it', () => {
    expect(on.attestation.conversion(13, 24)).toBeGreaterThan(1.2 * on.flat.conversion(13, 24));
    expect(on.attestation.conversion(13, 24)).toBeLessThan(on.attestation.conversion(1, 6));
  });
  it('a deputy head’s control slows it', () => {
    expect(on.deputy.star(12)).toBeLessThan(on.flat.star(12));
    expect(on.both.conversion(13, 24)).toBeGreaterThanOrEqual(on.attestation.conversion(13, 24));
  });
  it('a plan by decades (each person’s pool gated on their own result by days 10, 20 and 31) makes the pay less easy: stars grow more slowly, but it cures less than re-attestation', () => {
    expect(on.decades.star(24)).toBeLessThan(on.flat.star(24) - 0.05);
    expect(on.decades.conversion(13, 24)).toBeGreaterThan(on.flat.conversion(13, 24));
    expect(on.decades.conversion(13, 24)).toBeLessThan(on.attestation.conversion(13, 24));
  });
  it('switched off, conversion holds', () => {
    expect(off.flat.conversion(13, 24)).toBeGreaterThan(0.9 * off.flat.conversion(1, 6));
    expect(off.flat.star(24)).toBe(0);
  });
});
