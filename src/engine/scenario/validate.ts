/**
 * Typed field checks of a scenario document (already upgraded and filled with defaults).
 * Every check records its issue with the field's path and goes on, so one pass reports
 * ALL errors. Only known fields are walked (no recursion into unknown values), so deep or
 * huge unknown content costs nothing; an over-long list gets one error and is not walked.
 *
 * Value ranges, by field (inclusive unless marked "(": exclusive):
 *   simulation  runs 1..1,000,000 · seed 0..4,294,967,295 · months 1..36 ·
 *               startMonth "YYYY-MM" (2000–2100) · burnInMonths 0..12
 *   company     plan (0, 1e13] · breakEven, fixedCosts, minReserve, ownerDrawAbove 0..1e13 ·
 *               openingCash −1e13..1e13 · variableCostRatio, overdraftRate, payrollTaxRate,
 *               advanceShare 0..1 · advanceDay, settlementDay 1..31 (the simulator clamps
 *               to the month's last day)
 *   calendar    holidays "ru" | "none" · extraHolidays, workingWeekends ≤ 1000 dates "YYYY-MM-DD"
 *   clients     count 1..20,000 · monthlyVolume 0..1e13 · volumeSkew 0..5 · volumeNoise 0..2 ·
 *               habits 1..3 (unique ids, volume shares 0..1 summing to 1 ± 1e-9,
 *               medianDays (0, 365], promiseProbability 0..1) · invoiceHours, callHours 0.01..24 ·
 *               courierDays 0..60 · callAfterDays, recallAfterDays 0..365 · promiseKept 0..1 ·
 *               promiseMaxDays 1..60 · suspendAfterDays 1..365 · suspendedVolumeShare,
 *               churnIfSuspended 0..1 · replacementMonths 0..36
 *   staff       1..200 · id [A-Za-z0-9_-]{1,40} unique · name 1..200 chars · salary 0..1e13 ·
 *               skill (0, 10] · workShare 0..1 · effortCost 0.01..10 · favour −1..1
 *   behaviour   deadlineDiscount (0, 1] · costFactor 0.001..100 · dutyFloor 0..3 (≤ maxEffort) ·
 *               maxEffort (0, 3] · weekendCostMultiplier 1..10 · forecastSigmaBase 0..1e13 ·
 *               forecastSigmaShare 0..10 · forecastLearning 0..1 · discretionNoise 0..5 ·
 *               favouritism 0..10 · directorCorrection 0..1
 *   schemes     1..12 · id unique · formula amounts/thresholds/caps/tier from 0..1e13,
 *               rates 0..1, tiers 1..20 with strictly ascending `from` · tranches ≤ 10,
 *               weight (0, 1e6] (exact as integers over the scheme's decimal places), gate byDay 1..31, minPlanShare (0, 2], no gates in a
 *               quarterly scheme, gate keyClients 1..50 (≤ clients.count, team measure
 *               only) · split headShare 0..1 (needs exactly one "head" and
 *               at least one other member) ·
 *               awards ≤ 10, amount −1e13..1e13 (≥ 0 to topContributor, ≤ 0 to
 *               bottomContributor), minDeviation 0..10
 *   sales       hoursPerLead, crossSellHours 0.01..1000 · inboundHours 0.01..100 ·
 *               monthlyDiscount (0, 0.99] · paceCostFactor 0.001..100 · the other shares 0..1
 *   baseline    an existing scheme id
 *
 * Money: at most 2 decimal places; rates (and other decimal fields): at most 10.
 */
import { FIELDS } from './fields.ts';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from './types.ts';
import { SCENARIO_LIMITS as L } from './limits.ts';
import { isObject, own, shortValue, typeName, type IssueCollector, type RawObject } from './issues.ts';
import { FieldReader } from './validate-fields.ts';
import { readCalendar, readCompany, readSimulation } from './validate-company.ts';
import { readSales, readClients } from './validate-clients.ts';
import { readBehaviour, readStaff } from './validate-staff.ts';
import { readSchemes } from './validate-schemes.ts';

export { HOLIDAY_CALENDARS } from './validate-company.ts';
export { HABIT_IDS } from './validate-clients.ts';
export { STAFF_ROLES } from './validate-staff.ts';
export { FORMULA_TYPES, SPLIT_TYPES, AWARD_TARGETS, PERIODS, MEASURES, ORGANISATIONS, TIER_MODES } from './validate-schemes.ts';

/**
 * Validates a document that has been upgraded and filled with defaults. Returns the typed
 * scenario when there are no errors; every issue goes into `issues`.
 */
export function validateScenario(doc: RawObject, issues: IssueCollector): Scenario | undefined {
  const r = new FieldReader(issues);
  const root = r.object(doc, '', FIELDS.scenario);
  if (!root) return undefined;
  const name = r.string(root, 'name', '', { max: L.maxNameLength });
  const description = r.string(root, 'description', '', {
    max: L.maxDescriptionLength,
    allowEmpty: true,
    allowLineBreaks: true,
  });
  const simulation = readSimulation(r, own(root, 'simulation'), 'simulation');
  const company = readCompany(r, own(root, 'company'), 'company');
  const calendar = readCalendar(r, own(root, 'calendar'), 'calendar');
  const clients = readClients(r, own(root, 'clients'), 'clients');
  const staff = readStaff(r, root);
  const behaviour = readBehaviour(r, own(root, 'behaviour'), 'behaviour');
  const sales = readSales(r, own(root, 'sales'), 'sales');
  const schemes = readSchemes(r, root, staff, clients?.count);
  const baseline = readBaseline(r, root);
  // New clients and process units come from the sales layer: without it they are always zero.
  if (sales && !sales.enabled) {
    schemes?.forEach((s, i) => {
      if (s.measure === 'newClientRevenue' || s.measure === 'processUnits') r.error(`schemes[${i}].measure`, 'measure.needsSales', { measure: s.measure });
      if (s.organisation === 'dispatcher') r.error(`schemes[${i}].organisation`, 'organisation.needsSales', {});
    });
    // Personal ownership deals the clients to the queue's workers: without one, nobody holds them.
    const owners = staff?.members.filter((m) => m.role !== 'head' && m.role !== 'hunter' && m.role !== 'accountManager' && m.workShare > 0);
    schemes?.forEach((s, i) => {
      if (owners && owners.length === 0 && s.organisation === 'personal') r.error(`schemes[${i}].organisation`, 'organisation.needsOwners', {});
    });
  }

  if (issues.hasErrors) return undefined;
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: name!,
    description: description!,
    simulation: simulation!,
    company: company!,
    calendar: calendar!,
    clients: clients!,
    staff: staff!.members,
    behaviour: behaviour!,
    sales: sales!,
    schemes: schemes!,
    baseline: baseline!,
  };
}

/** The baseline must name one of the schemes; it is checked last, against the raw scheme ids. */
function readBaseline(r: FieldReader, root: RawObject): string | undefined {
  const v = own(root, 'baseline');
  if (v === undefined) {
    // Only when schemes are missing or their first id is unusable; reported there.
    if (!r.issues.hasErrors) r.error('baseline', 'required');
    return undefined;
  }
  if (typeof v !== 'string') {
    r.error('baseline', 'type.string', { got: typeName(v) });
    return undefined;
  }
  const schemes = own(root, 'schemes');
  if (!Array.isArray(schemes) || schemes.length > L.maxSchemes) return undefined; // reported there
  const ids: string[] = [];
  for (const s of schemes as unknown[]) {
    if (isObject(s) && typeof own(s, 'id') === 'string') ids.push(own(s, 'id') as string);
  }
  if (!ids.includes(v)) {
    r.error('baseline', 'baseline.unknown', { value: shortValue(v), allowed: ids.map(shortValue).join(', ') || '—' });
    return undefined;
  }
  return v;
}
