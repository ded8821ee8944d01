/**
 * CMA-ES (Hansen's covariance matrix adaptation evolution strategy) over the unit box:
 * a population of candidates is drawn around a mean from a learned Gaussian; the best
 * half moves the mean, and their steps shape the covariance and the step size. It needs
 * no gradients and copes with noise and with the cliffs that gates make, which is why
 * the calibration and the optimiser search with it. Candidates are mirrored into [0, 1]
 * in every coordinate (callers scale to their inputs' ranges).
 *
 * Deterministic: all randomness comes from the injected uniform source.
 * Follows Hansen, "The CMA Evolution Strategy: A Tutorial" (2016), with the default
 * parameters given there.
 */
import { normalFromUniform } from '../../numeric/normal.ts';

export interface CmaesOptions {
  /** Starting mean, in [0, 1] per coordinate. */
  start: readonly number[];
  /** Initial step size (a share of the box). */
  sigma?: number;
  /** Candidates per generation; default 4 + ⌊3 ln n⌋. */
  population?: number;
  /** Uniform numbers in [0, 1). */
  random: () => number;
}

export class Cmaes {
  readonly n: number;
  readonly lambda: number;
  private readonly mu: number;
  private readonly weights: number[];
  private readonly mueff: number;
  private readonly cc: number;
  private readonly cs: number;
  private readonly c1: number;
  private readonly cmu: number;
  private readonly damps: number;
  private readonly chiN: number;
  mean: number[];
  sigma: number;
  private C: number[][];
  private B: number[][];
  private D: number[];
  private pc: number[];
  private ps: number[];
  private readonly random: () => number;
  generation = 0;

  constructor(options: CmaesOptions) {
    const n = options.start.length;
    if (n === 0) throw new RangeError('nothing to search: no dimensions');
    this.n = n;
    this.random = options.random;
    this.mean = options.start.map((x) => Math.min(1, Math.max(0, x)));
    this.sigma = options.sigma ?? 0.3;
    this.lambda = options.population ?? 4 + Math.floor(3 * Math.log(n));
    this.mu = Math.floor(this.lambda / 2);
    const raw = Array.from({ length: this.mu }, (_, i) => Math.log(this.lambda / 2 + 0.5) - Math.log(i + 1));
    const sum = raw.reduce((a, b) => a + b, 0);
    this.weights = raw.map((w) => w / sum);
    this.mueff = 1 / this.weights.reduce((a, w) => a + w * w, 0);
    const { mueff } = this;
    this.cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n);
    this.cs = (mueff + 2) / (n + mueff + 5);
    this.c1 = 2 / ((n + 1.3) ** 2 + mueff);
    this.cmu = Math.min(1 - this.c1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff));
    this.damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + this.cs;
    this.chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
    this.C = identity(n);
    this.B = identity(n);
    this.D = Array(n).fill(1);
    this.pc = Array(n).fill(0);
    this.ps = Array(n).fill(0);
  }

  private normal(): number {
    return normalFromUniform(this.random());
  }

  /** The next generation's candidates, each in [0, 1]^n. */
  ask(): number[][] {
    const { n, B, D } = this;
    const out: number[][] = [];
    for (let k = 0; k < this.lambda; k++) {
      const z = Array.from({ length: n }, () => this.normal());
      const y = Array.from({ length: n }, (_, i) => {
        let s = 0;
        for (let j = 0; j < n; j++) s += B[i][j] * D[j] * z[j];
        return s;
      });
      out.push(y.map((yi, i) => mirror(this.mean[i] + this.sigma * yi)));
    }
    return out;
  }

  /** Ranks the candidates of the last `ask` by their values (lower is better) and adapts. */
  tell(candidates: readonly number[][], values: readonly number[]): void {
    const { n, mu, weights, mueff, cs, cc, c1, cmu } = this;
    if (candidates.length !== this.lambda || values.length !== this.lambda) throw new RangeError('tell needs the whole generation');
    const order = values.map((v, i) => [Number.isFinite(v) ? v : Infinity, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    // Steps as taken after mirroring, so the mean follows the points that were evaluated.
    const ys = order.slice(0, mu).map((i) => candidates[i].map((x, d) => (x - this.mean[d]) / this.sigma));
    const yw = Array.from({ length: n }, (_, d) => ys.reduce((a, y, k) => a + weights[k] * y[d], 0));
    this.mean = this.mean.map((m, d) => mirror(m + this.sigma * yw[d]));
    // C^(-1/2) yw = B D^-1 B' yw
    const bty = Array.from({ length: n }, (_, j) => this.B.reduce((a, row, i) => a + row[j] * yw[i], 0));
    const invsq = Array.from({ length: n }, (_, i) => this.B[i].reduce((a, b, j) => a + (b * bty[j]) / this.D[j], 0));
    this.ps = this.ps.map((p, i) => (1 - cs) * p + Math.sqrt(cs * (2 - cs) * mueff) * invsq[i]);
    const psNorm = Math.sqrt(this.ps.reduce((a, p) => a + p * p, 0));
    this.generation++;
    const hsig = psNorm / Math.sqrt(1 - (1 - cs) ** (2 * this.generation)) / this.chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
    this.pc = this.pc.map((p, i) => (1 - cc) * p + hsig * Math.sqrt(cc * (2 - cc) * mueff) * yw[i]);
    const delta = (1 - hsig) * cc * (2 - cc);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let rankMu = 0;
        for (let k = 0; k < mu; k++) rankMu += weights[k] * ys[k][i] * ys[k][j];
        const v = (1 - c1 - cmu) * this.C[i][j] + c1 * (this.pc[i] * this.pc[j] + delta * this.C[i][j]) + cmu * rankMu;
        this.C[i][j] = v;
        this.C[j][i] = v;
      }
    }
    this.sigma *= Math.exp((cs / this.damps) * (psNorm / this.chiN - 1));
    this.sigma = Math.min(1, Math.max(1e-6, this.sigma));
    const { vectors, values: eig } = symmetricEigen(this.C);
    this.B = vectors;
    this.D = eig.map((e) => Math.sqrt(Math.max(1e-20, e)));
  }
}

/** Reflects a coordinate into [0, 1]. */
function mirror(x: number): number {
  let y = x % 2;
  if (y < 0) y += 2;
  return y > 1 ? 2 - y : y;
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** Eigen-decomposition of a small symmetric matrix by Jacobi rotations: columns of `vectors` are the eigenvectors. */
export function symmetricEigen(m: readonly number[][]): { values: number[]; vectors: number[][] } {
  const n = m.length;
  const a = m.map((row) => [...row]);
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
    if (off < 1e-24) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}
