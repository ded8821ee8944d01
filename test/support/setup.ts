/**
 * Property tests run with a fixed seed so CI is reproducible: a failure names its seed
 * and counterexample and fails the same way again. Change PAYBENCH_FC_SEED to explore.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.PAYBENCH_FC_SEED ?? 20260) });
