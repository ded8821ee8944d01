/**
 * Randomness, always injected. seedrandom turns (scenario seed, run index) into a
 * well-mixed 128-bit state once per run; the hot loop draws from sfc32 (≈2 ns a draw,
 * vs ≈28 ns for seedrandom's ARC4). Streams are keyed by name and index, so run i of
 * every scheme sees the same clients, absences and luck (common random numbers), and a
 * client's draws do not depend on what happened to other clients.
 */
import seedrandom from 'seedrandom';
import { normalFromUniform } from './normal.ts';

/** Small fast counter generator (Chris Doty-Humphrey's SFC32). */
export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Standard normal, from one draw (normal.ts says why not Box–Muller). */
  normal(): number {
    return normalFromUniform(this.next());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** A 32-bit mix (murmur3 finaliser): cheap and good enough to separate stream keys. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** The root state of one run: depends only on the scenario seed and the run index. */
export class RunSeed {
  readonly words: Uint32Array;

  constructor(scenarioSeed: number, runIndex: number) {
    const prng = seedrandom(`paybench:${scenarioSeed}:${runIndex}`);
    this.words = new Uint32Array(4);
    for (let i = 0; i < 4; i++) this.words[i] = prng.int32() >>> 0;
  }

  /** An independent generator for a named stream and an index within it (e.g. "client", 17). */
  stream(name: string, index = 0, salt = 0): Sfc32 {
    const k = hashString(name);
    const w = this.words;
    return new Sfc32(
      mix32(w[0] ^ k),
      mix32(w[1] ^ Math.imul(index + 1, 0x9e3779b1)),
      mix32(w[2] ^ Math.imul(salt + 1, 0x85ebca77)),
      mix32(w[3] ^ k ^ index),
    );
  }
}

/**
 * Counter-based uniform in [0, 1): the same (salt, a, b, c) always gives the same number.
 * Used for client luck — draw c of client a in month b — so that a client's luck in a
 * month is identical under every scheme however many draws other clients consumed.
 */
export function keyedUniform(salt: number, a: number, b: number, c: number): number {
  return keyedUniformAt(keyOf(salt, a, b), c);
}

/** The (salt, a, b) part of keyedUniform's hash: a hot loop computes it once per client and month. */
export function keyOf(salt: number, a: number, b: number): number {
  return mix32(mix32(salt ^ Math.imul(a + 1, 0x9e3779b1)) ^ Math.imul(b + 0x632be5ab, 0x85ebca77));
}

/** 2⁻³²: 32 random bits times this are a uniform in [0, 1) (exact: a power of two). */
const UNIT = 2 ** -32;

/**
 * Draw c under keyOf's key, as 32 bits in a signed integer: `uniformOf(bits)` is its
 * uniform. A hot loop passes these: a small integer crosses a call as it is, where V8
 * boxes a double returned from a call that it does not inline (a heap allocation a draw).
 */
export function keyedBitsAt(key: number, c: number): number {
  return mix32(key ^ Math.imul(c + 0x7f4a7c15, 0xc2b2ae3d)) | 0;
}

/** The uniform in [0, 1) of 32 random bits held in a signed integer (keyedBitsAt's). */
export function uniformOf(bits: number): number {
  return (bits >>> 0) * UNIT;
}

/** keyedUniform(salt, a, b, c) from keyOf(salt, a, b). */
export function keyedUniformAt(key: number, c: number): number {
  return uniformOf(keyedBitsAt(key, c));
}
