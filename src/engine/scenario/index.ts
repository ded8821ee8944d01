/** Scenario files: the types, the one door (`parseScenario`) and its helpers. */
export * from './types.ts';
export { parseScenario, parseScenarioText, serializeScenario, type SimulationOverrides } from './parse.ts';
export type { ParseResult, ScenarioIssue } from './issues.ts';
export { formatIssue } from './issues.ts';
export { renderMessage, ISSUE_CODES, type IssueCode, type Lang } from './messages.ts';
export { SCENARIO_LIMITS } from './limits.ts';
export { defaultScenario, fillDefaults } from './defaults.ts';
export { MIGRATIONS, type Migration } from './upgrade.ts';
export {
  FORMULA_TYPES,
  SPLIT_TYPES,
  AWARD_TARGETS,
  HABIT_IDS,
  STAFF_ROLES,
  PERIODS,
  MEASURES,
  ORGANISATIONS,
  TIER_MODES,
  HOLIDAY_CALENDARS,
} from './validate.ts';
