/**
 * `paybench robustness FILE [--targets T] [--swing 0.2]`: every key input set 20% lower and
 * higher, one at a time, on the same seed; which targets hold on each variant, the share
 * of variants on which every phenomenon check holds, and each miss as a finding.
 */
import { resolve } from 'node:path';
import type { ParsedArgs } from './args.ts';
import { integerFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import { percent, table, type Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';
import { figureText, loadTargets, targetsTable } from './target-files.ts';
import { resultsRunner } from './results-runner.ts';
import { DEFAULT_ROBUSTNESS_SWING, GENERATOR, isPhenomenon, planRobustness, runRobustness } from '../engine/index.ts';
import type { Robustness, TargetResult } from '../engine/index.ts';

const WORDS = {
  en: {
    base: 'At the scenario as it is',
    input: 'input',
    low: (p: string) => `−${p}`,
    high: (p: string) => `+${p}`,
    holds: 'all hold',
    share: (n: number, of: number, p: string) => `every phenomenon check (P1…) holds in ${n} of ${of} variants (${p})`,
    allShare: (n: number, of: number, p: string) => `every target, magnitudes and the owner's checks too, holds in ${n} of ${of} variants (${p})`,
    orFinding: (n: number, of: number, p: string) => `every phenomenon check holds, or a miss is one of the findings below, in ${n} of ${of} variants (${p})`,
    planWithinDuty: (variant: string, plan: string, duty: string) =>
      `  ${variant}: the plan (${plan}) is within 10% of what the department collects on duty (salary only: ${duty}); meeting it asks for no push, so no scheme can show the linear trap — a plan set for a smaller book, a finding of the model, not a defect`,
    findings: 'Findings (each check missed on a variant: the figure, and its range)',
    skipped: 'not swept',
    deductible: (variant: string, scheme: string, t: string, duty: string, c: string) =>
      `  ${variant}: ${scheme}'s threshold (${t}) is above what the department collects on duty (salary only: ${duty}); the pool pays nothing at the margin below it and the push collapses (${scheme}: ${c}) — the article's "deductible too high", a finding of the model, not a defect`,
  },
  ru: {
    base: 'Сценарий как есть',
    input: 'параметр',
    low: (p: string) => `−${p}`,
    high: (p: string) => `+${p}`,
    holds: 'всё выполнено',
    share: (n: number, of: number, p: string) => `все проверки явлений (P1…) выполнены в ${n} вариантах из ${of} (${p})`,
    allShare: (n: number, of: number, p: string) => `все цели, включая величины и проверки собственника, выполнены в ${n} вариантах из ${of} (${p})`,
    orFinding: (n: number, of: number, p: string) => `все проверки явлений выполнены или промах — одна из находок ниже в ${n} вариантах из ${of} (${p})`,
    planWithinDuty: (variant: string, plan: string, duty: string) =>
      `  ${variant}: план (${plan}) в пределах 10% от того, что отдел собирает на окладе (${duty}); для него не нужен рывок, и ни одна схема не покажет ловушку линейной — план для меньшей клиентской базы: находка модели, а не дефект`,
    findings: 'Находки (каждая невыполненная проверка: значение и диапазон)',
    skipped: 'не варьировались',
    deductible: (variant: string, scheme: string, t: string, duty: string, c: string) =>
      `  ${variant}: порог схемы ${scheme} (${t}) выше того, что отдел собирает на окладе (${duty}); ниже порога пул не растёт от усилий, и рывок пропадает (${scheme}: ${c}) — «слишком высокий вычет» из статьи: находка модели, а не дефект`,
  },
} as const;

/** Missed checks of a variant: phenomena first, then the magnitudes (in brackets). */
const missed = (results: TargetResult[]) => [
  ...results.filter((r) => isPhenomenon(r) && !r.pass).map((r) => r.target.id),
  ...results.filter((r) => !isPhenomenon(r) && !r.pass).map((r) => `(${r.target.id})`),
];

export function robustnessText(r: Robustness, lang: Lang): string {
  const w = WORDS[lang];
  const pct = `${Math.round(r.swing * 100)}%`;
  const inputs = [...new Set(r.variants.map((v) => v.input))];
  const rows = inputs.map((id) => {
    const [low, high] = [-r.swing, r.swing].map((c) => r.variants.find((v) => v.input === id && v.change === c)!);
    const cell = (v: (typeof r.variants)[number]) => (v.allHold ? w.holds : missed(v.results).join(', '));
    return [low.label, cell(low), cell(high)];
  });
  const held = r.variants.filter((v) => v.holds).length;
  const moved = (v: { label: string; change: number }) => `${v.label} ${v.change < 0 ? '−' : '+'}${pct}`;
  const findings = r.variants.flatMap((v) =>
    v.results
      .filter((x) => !x.pass)
      .map((x) => `  ${moved(v)}: ${x.target.label} = ${figureText(x.value, lang)} (${x.target.min !== undefined ? `≥ ${figureText(x.target.min, lang)}` : ''}${x.target.min !== undefined && x.target.max !== undefined ? ', ' : ''}${x.target.max !== undefined ? `≤ ${figureText(x.target.max, lang)}` : ''})`),
  );
  const flips = r.variants.flatMap((v) =>
    v.findings.map((f) =>
      f.kind === 'deductibleTooHigh'
        ? w.deductible(moved(v), f.scheme, figureText(f.threshold, lang), figureText(f.duty, lang), figureText(f.collections, lang))
        : w.planWithinDuty(moved(v), figureText(f.plan, lang), figureText(f.duty, lang)),
    ),
  );
  const explained = r.variants.filter((v) => v.holds || v.findings.length > 0).length;
  return [
    `${w.base}\n${targetsTable(r.base, lang)}`,
    table([w.input, w.low(pct), w.high(pct)], rows).trimEnd(),
    w.share(held, r.variants.length, percent(r.holdShare, lang)),
    w.orFinding(explained, r.variants.length, percent(r.holdOrFindingShare, lang)),
    w.allShare(r.variants.filter((v) => v.allHold).length, r.variants.length, percent(r.allHoldShare, lang)),
    ...(findings.length > 0 ? [`${w.findings}\n${[...flips, ...findings].join('\n')}`] : []),
    ...(r.skipped.length > 0 ? [`${w.skipped}: ${r.skipped.map((s) => `${s.input} (${s.reason})`).join('; ')}`] : []),
  ].join('\n\n') + '\n';
}

export async function robustnessCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('robustness needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const swingText = args.values.swing;
  const swing = swingText === undefined ? DEFAULT_ROBUSTNESS_SWING : Number(swingText);
  if (!(swing > 0 && swing < 1)) throw new UsageError(`--swing must be a share between 0 and 1, e.g. 0.2, not "${swingText}"`);
  const runs = integerFlag(args, 'runs', 1, 100_000);
  const seed = integerFlag(args, 'seed', 0, 2 ** 31 - 1);
  const workers = integerFlag(args, 'workers', 1, 256) ?? Math.max(1, io.cpus);
  const { targets } = await loadTargets(io, file, args.values.targets);
  const scenario = await loadScenario(io, file, lang, seed === undefined ? {} : { seed });
  const plan = planRobustness(scenario, targets, { swing, runs });

  const { run, progress, dispose } = resultsRunner(io, args, workers, lang);
  let result: Robustness;
  try {
    result = await runRobustness(plan, targets, run, (done, total) => progress.update(done, total, 'scenarios'));
  } finally {
    await dispose();
  }
  progress.finish();
  const report = {
    format: 'paybench-robustness',
    generator: GENERATOR,
    scenario: scenario.name,
    seed: plan.base.simulation.seed,
    runs: plan.base.simulation.runs,
    swing: result.swing,
    holdShare: result.holdShare,
    holdOrFindingShare: result.holdOrFindingShare,
    allHoldShare: result.allHoldShare,
    base: result.base.map((r) => ({ id: r.target.id, value: r.value, pass: r.pass })),
    variants: result.variants.map((v) => ({ input: v.input, change: v.change, holds: v.holds, findings: v.findings, targets: v.results.map((r) => ({ id: r.target.id, value: r.value, pass: r.pass })) })),
    skipped: result.skipped,
  };
  const json = args.values.json;
  if (json === '-') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else {
    io.stdout(robustnessText(result, lang));
    if (json !== undefined) await io.writeFile(resolve(io.cwd, json), JSON.stringify(report, null, 2) + '\n');
  }
  return 0;
}
