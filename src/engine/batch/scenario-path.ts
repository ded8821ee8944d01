/**
 * Inputs of a scenario named by their path in the file, as the error messages name them:
 * `behaviour.effort.costFactor`, `clients.habits[selfPayer].medianDays`,
 * `schemes[threshold].formula.rate`, `staff[masha].effortCost`. A bracket holds an index or
 * the id of an item of the list. Used by the searches (calibration, the optimiser) to set
 * a candidate's inputs on a scenario's plain data before it goes through the one door,
 * parseScenario, like any file.
 */

export class PathError extends Error {}

type Step = { key: string } | { index: number } | { id: string };

export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[([A-Za-z0-9_-]+)\]|(\.)/g;
  let at = 0;
  let expectKey = true;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m.index !== at) break;
    at = re.lastIndex;
    if (m[1] !== undefined) {
      if (!expectKey) throw new PathError(`"${path}": a "." is missing before "${m[1]}"`);
      steps.push({ key: m[1] });
      expectKey = false;
    } else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ id: m[3] });
    else {
      if (expectKey) throw new PathError(`"${path}": a name is missing before "."`);
      expectKey = true;
    }
  }
  if (at !== path.length || steps.length === 0 || expectKey) throw new PathError(`"${path}" is not a path like clients.habits[selfPayer].medianDays`);
  return steps;
}

function stepInto(node: unknown, step: Step, path: string): unknown {
  if ('key' in step) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, step.key)) {
      throw new PathError(`${path}: the scenario has no "${step.key}" there`);
    }
    return (node as Record<string, unknown>)[step.key];
  }
  if (!Array.isArray(node)) throw new PathError(`${path}: a list is expected before [${'index' in step ? step.index : step.id}]`);
  const item = 'index' in step ? node[step.index] : node.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === step.id);
  if (item === undefined) throw new PathError(`${path}: no item [${'index' in step ? step.index : step.id}]`);
  return item;
}

/** The value at a path of a scenario's plain data (a number or a decimal string). */
export function getPath(doc: unknown, path: string): number | string {
  let node: unknown = doc;
  for (const step of parsePath(path)) node = stepInto(node, step, path);
  if (typeof node !== 'number' && typeof node !== 'string') throw new PathError(`${path}: not a number in the scenario`);
  return node;
}

/**
 * Sets the value at a path (the path must exist). A decimal string stays a string, written
 * with up to 6 significant digits past what the value needs (inputs, not outputs: the file
 * must read as what a person would type); an integer field stays an integer.
 */
export function setPath(doc: unknown, path: string, value: number): void {
  const steps = parsePath(path);
  let node: unknown = doc;
  for (const step of steps.slice(0, -1)) node = stepInto(node, step, path);
  const last = steps[steps.length - 1];
  const old = stepInto(node, last, path);
  if (typeof old !== 'number' && typeof old !== 'string') throw new PathError(`${path}: not a number in the scenario`);
  const written = typeof old === 'string' ? decimalText(value) : Number.isInteger(old) && INTEGER_FIELDS.has(lastKey(steps)) ? Math.round(value) : Number(value.toPrecision(6));
  if ('key' in last) (node as Record<string, unknown>)[last.key] = written;
  else throw new PathError(`${path}: the path must end at a field`);
}

/** Fields that hold whole numbers (days, counts): a search sets them rounded. */
const INTEGER_FIELDS = new Set(['count', 'courierDays', 'callAfterDays', 'recallAfterDays', 'promiseMaxDays', 'suspendAfterDays', 'replacementMonths', 'byDay', 'months', 'runs', 'seed', 'burnInMonths', 'advanceDay', 'settlementDay', 'vacationDays', 'handOverMonths', 'salesCycleMonths', 'vacancyMonths', 'rampUpMonths', 'attestationMonths', 'keyClients']);

function lastKey(steps: Step[]): string {
  const last = steps[steps.length - 1];
  return 'key' in last ? last.key : '';
}

/** A decimal string for a value: six significant digits, no exponent. */
export function decimalText(x: number): string {
  if (!Number.isFinite(x)) throw new PathError(`${x} is not a number`);
  const p = Number(x.toPrecision(6));
  const text = String(p);
  return /e/i.test(text) ? p.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : text;
}

export function isIntegerPath(path: string): boolean {
  return INTEGER_FIELDS.has(lastKey(parsePath(path)));
}
