/**
 * The pay schemes as a scenario file states them (the `schemes` of types.ts's Scenario),
 * and the canonical decimal strings that money and rates stay in, so that the payout
 * calculator (decimal.js) and the kopeck settlement read exactly what the file said.
 */

/** A canonical decimal string of roubles, e.g. "40000000" or "15000.5". */
export type Money = string & { readonly __money?: unique symbol };
/** A canonical decimal string of a fraction, e.g. "0.005" for 0.5 %. */
export type Rate = string & { readonly __rate?: unique symbol };

// ---------------------------------------------------------------- pay schemes

export interface Scheme {
  id: string;
  name: string;
  /**
   * Who works which clients (articles 001, 003): `team` — one queue, anyone works any
   * client; `personal` — each collector owns clients and works only them; `conveyor` —
   * a processing centre: one queue and no personal ties between clients and staff;
   * `hunterFarmer` — hunters sign, account managers take clients over after N months;
   * `dispatcher` — no active sales: marketing brings requests, a dispatcher routes them.
   */
  organisation: 'team' | 'personal' | 'conveyor' | 'hunterFarmer' | 'dispatcher';
  /**
   * Automated marketing (article 001): the inbound requests a working day it adds to
   * `sales.inboundPerDay`, and what it costs a month. Under the `dispatcher` organisation
   * nobody prospects: a dispatcher routes every request to whichever salesperson is free,
   * and the rest of their hours serve the pooled book.
   */
  marketing?: Marketing;
  /**
   * What the pool is measured on: the team's collections (one pool, split); each
   * person's collections from their own clients (a pool per person, no split); or each
   * person's collections from the clients they brought in, for `sales.handOverMonths`
   * months, clawed back if the client leaves within that time; or each person's completed
   * business-process units (norm-hours of prescribed steps: scheduled client contacts,
   * cross-sell offers, prospecting), paid by a piece rate (article 001).
   */
  measure: 'teamCollections' | 'personalCollections' | 'newClientRevenue' | 'processUnits';
  /** Period over which the measure is summed and paid. */
  period: 'month' | 'quarter';
  formula: PayoutFormula;
  /** Re-attestation every this many months (0: never) — cures part of star syndrome (article 000). */
  attestationMonths: number;
  /** A deputy head controls the sector day to day (article 000). */
  deputyHead: boolean;
  /**
   * The period's plan that gates count against, in the measure's roubles: per person
   * under a personal measure (each person's own plan, article 000); default the company plan.
   */
  plan?: Money;
  /**
   * Optional tranches of the pool; without them the whole pool is one unconditional
   * tranche. Gates by day of month break the plan down by weeks or decades (000, 002);
   * under a personal measure each person's pool is gated on their own result.
   */
  tranches: Tranche[];
  split: Split;
}

export interface Marketing {
  /** Extra inbound requests a working day. */
  requestsPerDay: number;
  /** What the marketing costs a month (a fixed cost of the scheme). */
  monthlyCost: Money;
}

/**
 * Pool as a function of the period's measure (roubles). Every formula is a
 * piecewise-linear function, possibly with jumps (retroactive tiers).
 */
export type PayoutFormula =
  | { type: 'fixed'; amount: Money }
  | { type: 'linear'; rate: Rate; cap?: Money }
  | { type: 'threshold'; threshold: Money; rate: Rate; cap?: Money }
  /**
   * Piece rate per business-process norm (article 001): `rate` roubles per unit up to
   * `norm` units a period, `premium` roubles per unit above it. The measure is in units.
   */
  | { type: 'pieceRate'; rate: Money; norm: string; premium: Money; cap?: Money }
  | {
      type: 'tiers';
      /** marginal: each rate applies to the part within its tier; retroactive: the reached tier's rate applies to the whole measure. */
      mode: 'marginal' | 'retroactive';
      tiers: Tier[];
      cap?: Money;
    };

export interface Tier {
  /** Lower bound of the tier (the first tier starts at 0 or at a deductible). */
  from: Money;
  rate: Rate;
}

export interface Tranche {
  /** Relative weight: the pool is split between tranches in proportion (exactly, largest remainder). */
  weight: Rate;
  /** Paid only if the share of the plan collected by `byDay` reaches `minPlanShare`; none = always. */
  gate?: Gate;
}

export interface Gate {
  /** Day of month (inclusive) by which collections are counted. */
  byDay: number;
  /** Share of the monthly plan to reach, e.g. "0.5". */
  minPlanShare: Rate;
  /**
   * The key-client plan (article 000: plans "separately for each of the particularly large
   * and important client companies"): when set (1..50), the tranche is paid only if each of
   * the `keyClients` largest clients (by normal monthly volume) has paid at least
   * `minPlanShare` of its own monthly volume by `byDay`. Team measure only.
   */
  keyClients?: number;
}

export type Split =
  /** Equal parts for everyone in the department, head included. */
  | { type: 'equal' }
  /** Head's fixed share, the rest equally. */
  | { type: 'headShareEqual'; headShare: Rate }
  /** Head's fixed share, the rest as the head decides (noise, favouritism). */
  | { type: 'discretion'; headShare: Rate }
  /** As discretion, approved with the commercial director who corrects part of the bias. */
  | { type: 'doubleDiscretion'; headShare: Rate }
  /** Head's fixed share, personal awards and penalties by rule, the rest equally (002). */
  | { type: 'awardsEqual'; headShare: Rate; awards: AwardRule[] }
  /** Head's fixed share, the rest in proportion to each person's contribution. */
  | { type: 'proportional'; headShare: Rate };

export interface AwardRule {
  /** Who gets it: the month's top or bottom contributor (by hours of work done). */
  to: 'topContributor' | 'bottomContributor';
  /** Positive: an award from the pool; negative: a penalty returned to the pool. */
  amount: Money;
  /** Only if the person's contribution differs from the team mean by at least this share. */
  minDeviation: Rate;
}

export type SplitType = Split['type'];
export type FormulaType = PayoutFormula['type'];
