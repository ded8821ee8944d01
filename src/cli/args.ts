/**
 * A small flag parser: `--name value`, `--name=value`, repeatable flags, booleans.
 * Anything unknown is a UsageError (exit 2), never silently ignored.
 */
import { UsageError } from './io.ts';

export type FlagKind = 'value' | 'list' | 'boolean';
export type FlagSpec = Record<string, FlagKind>;

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
  booleans: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: {}, lists: {}, booleans: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.booleans.add(name);
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    if (kind === 'list') (out.lists[name] ??= []).push(value);
    else {
      if (name in out.values) throw new UsageError(`--${name} given twice`);
      out.values[name] = value;
    }
  }
  return out;
}

export function integerFlag(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = args.values[name];
  if (text === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}
