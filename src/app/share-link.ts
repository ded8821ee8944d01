/**
 * Share links: the scenario, as compact JSON, compressed into the URL hash
 * (`#s=<lz-string, URI-safe>`). lz-string is small (≈ 5 kB), dependency-free, stable for
 * years and made for exactly this; the bundled scenario's 3.2 kB of JSON becomes ≈ 2.4 k
 * characters. Reading a link only decodes text: the text then goes through the one door,
 * `parseScenarioText`, like a file.
 *
 * Size: a link longer than MAX_LINK_CHARS is refused before decoding. LZ decoding can
 * expand quadratically (a 20 000-character link of one repeated letter decodes to ≈ 50 M
 * characters in ≈ 0.1 s), so the bound keeps a hostile link quick to refuse; a real
 * scenario of that size is better sent as a file.
 */
import LZString from 'lz-string';
import { serializeScenario } from '../engine/index.ts';
import type { Scenario } from '../engine/index.ts';

export const LINK_KEY = 's';
export const MAX_LINK_CHARS = 20_000;

export type LinkRead =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'tooLong'; chars: number }
  | { kind: 'corrupt' };

/** The scenario's compact JSON, compressed: the value after `#s=`. */
export function encodeScenario(scenario: Scenario): string {
  const compact = JSON.stringify(JSON.parse(serializeScenario(scenario)));
  return LZString.compressToEncodedURIComponent(compact);
}

/** The hash for a scenario (`#s=…`), or null when it would be too long for a link. */
export function scenarioHash(scenario: Scenario): string | null {
  const code = encodeScenario(scenario);
  return code.length > MAX_LINK_CHARS ? null : `#${LINK_KEY}=${code}`;
}

/** What a URL hash holds: nothing of ours, scenario text to parse, or why not. */
export function readHash(hash: string): LinkRead {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${LINK_KEY}=`;
  if (!body.startsWith(prefix)) return { kind: 'none' };
  const code = body.slice(prefix.length).replace(/ /g, '+'); // a '+' some mailers turned into a space
  if (code.length > MAX_LINK_CHARS) return { kind: 'tooLong', chars: code.length };
  if (code === '' || !/^[A-Za-z0-9+\-$]*$/.test(code)) return { kind: 'corrupt' };
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(code);
  } catch {
    return { kind: 'corrupt' };
  }
  return text ? { kind: 'text', text } : { kind: 'corrupt' };
}
