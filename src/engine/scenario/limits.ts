/**
 * Bounds on scenario input. A file beyond any of them gets a clear error instead of a
 * frozen tab or an out-of-memory worker (PRODUCT.md "Scenario files": bounded input).
 *
 * Per-field value ranges (e.g. `gate.byDay` 1..31, rates 0..1) live next to the field in
 * `validate.ts`; this file holds the sizes and formats shared by several fields.
 */
export const SCENARIO_LIMITS = {
  /** Largest scenario text accepted by `parseScenarioText`, in UTF-8 bytes (5 MiB). */
  maxTextBytes: 5 * 1024 * 1024,

  /** Names of the scenario, schemes and staff: 1..200 characters after trimming the ends. */
  maxNameLength: 200,
  /** The scenario's description, 0..2000 characters (line breaks and tabs allowed). */
  maxDescriptionLength: 2000,
  /** Scheme and staff ids: 1..40 of A–Z a–z 0–9 _ -. */
  idPattern: /^[A-Za-z0-9_-]{1,40}$/,
  maxIdLength: 40,

  maxSchemes: 12,
  maxStaff: 200,
  /** The large fixture (test/fixtures: 5,000 clients × 36 months × 20 staff) runs at ~90 ms a run on one core. */
  maxClients: 20_000,
  maxTiers: 20,
  maxTranches: 10,
  /** Clients in a key-client plan (gate.keyClients). */
  maxKeyClients: 50,
  maxAwards: 10,
  /** Each of calendar.extraHolidays and calendar.workingWeekends. */
  maxDates: 1000,
  /** One entry per payment habit id. */
  maxHabits: 3,

  minRuns: 1,
  /**
   * Summaries are bounded (accumulator.ts) except three numbers per run and scheme kept for
   * the paired differences: 24 MB per scheme at a million runs. 100,000 runs of the bundled
   * scenario run in under 300 MB (npm run bench); beyond, shard and merge.
   */
  maxRuns: 1_000_000,
  /** Seeds are unsigned 32-bit integers. */
  maxSeed: 4_294_967_295,
  minMonths: 1,
  maxMonths: 36,
  maxBurnInMonths: 12,
  /** Years allowed in startMonth and calendar dates. */
  minYear: 2000,
  maxYear: 2100,

  /** Money has at most 2 decimal places (kopecks). */
  moneyDecimals: 2,
  /** Rates have at most 10 decimal places. */
  rateDecimals: 10,
  /** Longest decimal string accepted (sign, digits and point). */
  maxDecimalChars: 40,
  /** Largest absolute amount of money, in roubles (10 trillion: exact as a double to the kopeck). */
  maxMoney: '10000000000000',

  /** At most this many errors (and separately warnings) are reported; the rest are counted. */
  maxIssues: 200,
} as const;

export type ScenarioLimits = typeof SCENARIO_LIMITS;
