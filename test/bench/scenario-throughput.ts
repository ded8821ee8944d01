/**
 * Engine speed on every bundled scenario (issue 5: keep the bench targets with the new
 * modules on): per scheme, ms per run and ns per client-day (client slots × simulated
 * days, burn-in included), single thread. Prints; asserts nothing. Run alone with
 * `npx tsx test/bench/scenario-throughput.ts` or as part of `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { compileModel } from '../../src/engine/model/model.ts';
import { simulateRun } from '../../src/engine/run/simulate.ts';
import { parseScenarioText } from '../../src/engine/scenario/parse.ts';

export interface ScenarioThroughput {
  file: string;
  scheme: string;
  msPerRun: number;
  nsPerClientDay: number;
}

export function scenarioThroughput(runsPerScheme = 30): ScenarioThroughput[] {
  const dir = new URL('../../scenarios/', import.meta.url);
  const out: ScenarioThroughput[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.targets.json')).sort()) {
    const parsed = parseScenarioText(readFileSync(new URL(file, dir), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const model = compileModel(parsed.scenario);
    const clientDays = parsed.scenario.clients.count * model.calendar.days;
    model.schemes.forEach((s, i) => {
      for (let r = 0; r < 8; r++) simulateRun(model, i, 1000 + r); // warm up the JIT
      const t0 = performance.now();
      for (let r = 0; r < runsPerScheme; r++) simulateRun(model, i, r);
      const msPerRun = (performance.now() - t0) / runsPerScheme;
      out.push({ file, scheme: s.scheme.id, msPerRun, nsPerClientDay: (msPerRun * 1e6) / clientDays });
    });
  }
  return out;
}

export function throughputTable(rows: ScenarioThroughput[]): string {
  const lines = ['scenario                          scheme                ms/run   ns/client-day'];
  for (const r of rows) {
    lines.push(`${r.file.padEnd(33)} ${r.scheme.padEnd(20)} ${r.msPerRun.toFixed(2).padStart(7)}   ${r.nsPerClientDay.toFixed(1).padStart(13)}`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(throughputTable(scenarioThroughput()));
