// Sparse one-vs-rest logistic models: each class has a bias and a weight per feature it uses.
// Trained by scripts/train-recognizer.mjs and shipped packed: feature names in one string, weights
// as 16-bit integers, both decoded once, on first use.
import type { Features } from './features.js';

/** The packed form stored in weights.ts. */
export interface PackedModel {
  classes: string[];
  bias: number[];
  /** Feature names, '\n'-separated, in the order of `offsets`. */
  features: string;
  /** base64 of a Uint32Array: where each feature's entries start in `classIndex`/`weight` (one more than features). */
  offsets: string;
  /** base64 of a Uint8Array: the class of each entry. */
  classIndex: string;
  /** base64 of an Int16Array: each entry's weight times `scale`. */
  weight: string;
  scale: number;
}

export interface Scored {
  cls: string;
  p: number;
}

function bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export class LinearModel {
  readonly classes: readonly string[];
  private readonly bias: Float64Array;
  private readonly index = new Map<string, number>();
  private readonly offsets: Uint32Array;
  private readonly classIndex: Uint8Array;
  private readonly weight: Float32Array;

  constructor(packed: PackedModel) {
    this.classes = packed.classes;
    this.bias = Float64Array.from(packed.bias);
    packed.features.split('\n').forEach((f, i) => this.index.set(f, i));
    this.offsets = new Uint32Array(bytes(packed.offsets).buffer);
    this.classIndex = bytes(packed.classIndex);
    const w = new Int16Array(bytes(packed.weight).buffer);
    this.weight = Float32Array.from(w, (v) => v / packed.scale);
  }

  /** Probabilities of every class, highest first. */
  scores(x: Features): Scored[] {
    const z = Float64Array.from(this.bias);
    for (const [k, v] of x) {
      const f = this.index.get(k);
      if (f === undefined) continue;
      for (let i = this.offsets[f]!, e = this.offsets[f + 1]!; i < e; i++) z[this.classIndex[i]!]! += this.weight[i]! * v;
    }
    return Array.from(z, (v, c) => ({ cls: this.classes[c]!, p: 1 / (1 + Math.exp(-v)) })).sort((a, b) => b.p - a.p);
  }

  /** The features that pushed `cls` up most (for explanations), strongest first. */
  contributions(x: Features, cls: string, n = 5): Array<{ feature: string; weight: number }> {
    const c = this.classes.indexOf(cls);
    const out: Array<{ feature: string; weight: number }> = [];
    for (const [k, v] of x) {
      const f = this.index.get(k);
      if (f === undefined) continue;
      for (let i = this.offsets[f]!, e = this.offsets[f + 1]!; i < e; i++) {
        if (this.classIndex[i] === c && this.weight[i]! * v > 0) out.push({ feature: k, weight: this.weight[i]! * v });
      }
    }
    return out.sort((a, b) => b.weight - a.weight).slice(0, n);
  }
}
