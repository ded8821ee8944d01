/**
 * `paybench format FILE [--out PATH]`: the file as Save writes it — the current scenario
 * version, every default filled, the fields in the documented order — on stdout or into
 * PATH. Upgrades files in batches, and tests the round trip from the shell.
 */
import { resolve } from 'node:path';
import { serializeScenario } from '../engine/index.ts';
import type { ParsedArgs } from './args.ts';
import { checkOutputs } from './args.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import type { Lang } from './format.ts';
import { loadScenario } from './scenario-file.ts';

export async function formatCommand(args: ParsedArgs, io: CliIo, lang: Lang): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('format needs a scenario FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const out = args.values.out;
  await checkOutputs(io, [{ flag: '--out', path: out, kind: 'file' }]);
  const text = serializeScenario(await loadScenario(io, file, lang));
  if (out === undefined || out === '-') io.stdout(text);
  else await io.writeFile(resolve(io.cwd, out), text);
  return 0;
}
