/**
 * The engine's only door: everything the front ends (workbench, charts, workers, CLI) use.
 * The engine is pure (no DOM, Svelte, Comlink or Node APIs; test/engine/purity.test.ts)
 * and runs unchanged in a Web Worker, in Vitest and in the CLI.
 */
export * from './scenario/index.ts';
export { GENERATOR } from './batch/generator.ts';
export { Dec } from './money/decimal.ts';
export { compileModel, type Model } from './model/model.ts';
export { settleShapes, simulateRun } from './run/simulate.ts';
export type { RunResult } from './run/run-result.ts';
export { runChunk, type SimulateFn } from './batch/montecarlo.ts';
export { chunkRuns, defaultChunkSize, jobsOf, planRuns, planShape, type PlanOptions, type RunJob, type RunPlan, type RunShape } from './batch/run-plan.ts';
export { ResultsAccumulator, transferablesOf, type AccumulatorState } from './results/accumulator.ts';
export { buildResultsJson, resultsJsonText, summarizeScheme } from './results/summarize.ts';
export * from './results/results-json.ts';
export { ProfitLedger, profitFigures, type ProfitFigures, type ProfitsByRun } from './results/profit-figures.ts';
export { runProfit } from './results/series.ts';
export { buildShard, mergeShards, readShard, shardText, ShardError, ShardMerger, SHARD_FORMAT, SHARD_VERSION, type MergedShards, type ReadShard, type ShardJson } from './batch/shard.ts';
export * from './batch/sensitivity.ts';
export { calculatePayout, personalEarners, PayoutError, type PayoutInput, type PayoutResult } from './pay/calculator.ts';
export { compileCurve, poolDecimal, poolKopecks } from './pay/formula.ts';
export { poolAt, slopeAt, type PayCurve, type CurveBreak } from './pay/curve.ts';
export { paysPersonally } from './pay/personal-pay.ts';
export { makeIssue } from './scenario/issues.ts';
export { parseTargets, targetScenario, checkTargets, miss, TargetsError, TARGETS_FORMAT, DEFAULT_TARGET_RUNS, type Target, type Targets, type TargetResult } from './batch/targets.ts';
export { parseFigure, evaluateFigure, FigureError } from './batch/figure.ts';
export { METRIC_UNITS, type Unit } from './run/metrics.ts';
export { calibrate, candidate, parseVary, position, distance, type Vary, type Calibration, type RunScenario } from './batch/calibrate.ts';
export { getPath, setPath, parsePath, PathError } from './batch/scenario-path.ts';
export { minimise, type Minimum } from './batch/search/minimise.ts';
export { planRobustness, runRobustness, isPhenomenon, findings as robustnessFindings, ROBUST_INPUTS, DEFAULT_ROBUSTNESS_SWING, type Robustness, type RobustnessPlan, type VariantCheck } from './batch/robustness.ts';
export { schemeName, moneyName, percentName, ratePercentText, type NameLang } from './pay/scheme-name.ts';
export { OF as RATE_OF } from './pay/name-words.ts';
export { checkpoints, likelyAhead, likelySettling, likelySettlingStep, precision, settling, settlingOf, DEFAULT_TOLERANCE, FIRST_CHECKPOINT, type Likely, type Precision, type Settling } from './batch/converge.ts';
export { parseHistoryBytes, parseHistoryText, HISTORY_LIMITS, type History, type HistoryOptions, type HistoryParse, type HistoryPayment, type Detected } from './history/parse.ts';
export { formatHistoryIssue, historyIssue, renderHistoryMessage, HISTORY_CODES, type HistoryIssue, type HistoryCode, type HistoryLang } from './history/messages.ts';
export { ROLES as HISTORY_ROLES, parseColumnChoices, type Role as HistoryRole, type ColumnChoice } from './history/columns.ts';
export { ENCODINGS, DELIMITERS, type Encoding, type Delimiter } from './history/text.ts';
export type { DecimalMark } from './history/amounts.ts';
export { parseDateFormat, formatName as dateFormatName, isoDay, russianDay } from './history/dates.ts';
export { describeHistory, type HistoryView, type HistoryMonth } from './history/describe.ts';
export { statisticsOf, type HistoryStatistics, type ProfileBand } from './history/tally.ts';
export { statementCsv, simulatedClientName, type StatementStyle } from './history/statement.ts';
export { simulatedPayments } from './batch/history-run.ts';
export { fitHistory, FitError, FIT_DEFAULTS, type Fit, type FitOptions, type FitReport, type InputReport, type MomentReport, type Band } from './batch/fit.ts';
export { runFitJob, type FitEvaluator, type FitJob, type FitOutcome, type FitSetup } from './batch/fit-job.ts';
export { fitInputs } from './batch/fit-inputs.ts';
export { fitNotes, noteText, inputWord, momentWord, INPUT_WORDS, MOMENT_WORDS, type FitNote, type FitLang } from './batch/fit-notes.ts';
export { optimise, recheckSeed, recheckEvaluations, DEFAULT_OPTIMISE_RUNS, DEFAULT_OPTIMISE_BUDGET, FINALISTS, type OptimiseRequest, type OptimiseOptions } from './batch/optimise/optimise.ts';
export { SUGGESTION_FORMAT, type Suggestion, type Verdict, type FigureRow, type LimitRow, type TradeOff, type CurvePoint } from './batch/optimise/report.ts';
export { parseGoal, parseLimit, parseMetric, parseAmount, DEFAULT_MAXIMISE, DEFAULT_LIMITS, type Goal, type Limit, type Metric } from './batch/optimise/goal.ts';
export { defaultInputs, parseInputText, checkedInput, schemeField, valueAt, levels, type SchemeInput } from './batch/optimise/inputs.ts';
export { OptimiseError } from './batch/optimise/errors.ts';
export type { BlockRunner } from './batch/optimise/bench.ts';
