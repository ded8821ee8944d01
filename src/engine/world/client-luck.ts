/**
 * A run's client luck, counter-based: draw c of client i in month m is
 * keyedUniform(salt, i, m, c), so a client's luck in a month is the same under every scheme
 * however many draws other clients used. The (salt, client, month) part of the hash is
 * made once a month; a draw then costs one round.
 */
import { keyedBitsAt, keyOf } from '../numeric/random.ts';

export class ClientLuck {
  private salt = 0;
  /** Per client: keyOf(salt, client, this month). */
  private readonly key: Uint32Array;
  /** Per client: draws taken this month. */
  private readonly draws: Uint16Array;

  constructor(clients: number) {
    this.key = new Uint32Array(clients);
    this.draws = new Uint16Array(clients);
  }

  /** A new run. */
  reset(salt: number): void {
    this.salt = salt;
  }

  /** Month m begins: every client's draws start again from its own key for the month. */
  startMonth(m: number): void {
    for (let i = 0; i < this.key.length; i++) this.key[i] = keyOf(this.salt, i, m);
    this.draws.fill(0);
  }

  /** Client i's next draw this month, as 32 bits: `uniformOf(bits)` is its uniform (random.ts says why bits). */
  bits(i: number): number {
    return keyedBitsAt(this.key[i], this.draws[i]++);
  }
}
