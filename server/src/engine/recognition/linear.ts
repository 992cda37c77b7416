// Sparse one-vs-rest logistic models: each class has a bias and a weight per feature it uses.
// Trained by scripts/train-recognizer.mjs and shipped packed: feature names in one string, weights
// as 16-bit integers, decoded once, on first use; names are looked up in that string (name-index.ts).
import type { Features } from './features.js';

import type { PackedModel } from '../../db/schema.js';
import { NameIndex } from './name-index.js';

export type { PackedModel };

export interface Scored {
  cls: string;
  p: number;
}

/** Features given as model rows and values: the first `length` of each. */
export interface Rows {
  readonly rows: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly length: number;
}

/** Rows and values in buffers a featuriser reuses from one sentence to the next (a plain array
 *  emptied with `length = 0` gives up its storage: every sentence would grow it again). */
export class RowBuffer implements Rows {
  rows = new Int32Array(64);
  values = new Float64Array(64);
  length = 0;

  clear(): this {
    this.length = 0;
    return this;
  }

  push(row: number, value: number): void {
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.length * 2), values = new Float64Array(this.length * 2);
      rows.set(this.rows);
      values.set(this.values);
      this.rows = rows;
      this.values = values;
    }
    this.rows[this.length] = row;
    this.values[this.length++] = value;
  }

  /** Divides every value by `n`. */
  scale(n: number): void {
    for (let i = 0; i < this.length; i++) this.values[i]! /= n;
  }

  /** A copy to keep. */
  copy(): Rows {
    return { rows: this.rows.slice(0, this.length), values: this.values.slice(0, this.length), length: this.length };
  }
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
  private readonly index: NameIndex;
  private readonly offsets: Uint32Array;
  private readonly classIndex: Uint8Array;
  private readonly weight: Float32Array;

  constructor(packed: PackedModel) {
    this.classes = packed.classes;
    this.bias = Float64Array.from(packed.bias);
    this.index = new NameIndex(packed.features);
    this.offsets = new Uint32Array(bytes(packed.offsets).buffer);
    this.classIndex = bytes(packed.classIndex);
    const w = new Int16Array(bytes(packed.weight).buffer);
    this.weight = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) this.weight[i] = w[i]! / packed.scale;
    this.z = new Float64Array(packed.classes.length);
  }

  /** The logits of every class for `x`, in a buffer reused by the next call. */
  private readonly z: Float64Array;
  private logits(x: Features): Float64Array {
    const z = this.z;
    z.set(this.bias);
    for (const [k, v] of x) {
      const f = this.index.get(k);
      if (f === undefined) continue;
      for (let i = this.offsets[f]!, e = this.offsets[f + 1]!; i < e; i++) z[this.classIndex[i]!]! += this.weight[i]! * v;
    }
    return z;
  }

  /** The features (by name) that pushed `cls` up most, for features given as rows and values. */
  contributionsOfRows(x: Rows, cls: string, n = 5): string[] {
    const c = this.classes.indexOf(cls);
    const out: Array<{ row: number; weight: number }> = [];
    const { rows, values } = x;
    for (let j = 0; j < x.length; j++) {
      const f = rows[j]!;
      for (let i = this.offsets[f]!, e = this.offsets[f + 1]!; i < e; i++) {
        if (this.classIndex[i] === c && this.weight[i]! * values[j]! > 0) out.push({ row: f, weight: this.weight[i]! * values[j]! });
      }
    }
    return out.sort((a, b) => b.weight - a.weight).slice(0, n).map((x) => this.index.nameOf(x.row));
  }

  /** The row of a feature name (for featurisers that resolve names once). */
  rowOf(name: string): number | undefined {
    return this.index.get(name);
  }

  featureNames(): IterableIterator<string> {
    return this.index.names();
  }

  /** Classes with probability >= `min`, highest first, for features given as rows and values. */
  scoresOfRows(x: Rows, min = 0): Scored[] {
    return this.ranked(this.logitsOfRows(x), min);
  }

  /** As `logits`, for features given as rows and values. */
  private logitsOfRows(x: Rows): Float64Array {
    const z = this.z;
    z.set(this.bias);
    const { rows, values } = x;
    for (let j = 0; j < x.length; j++) {
      const f = rows[j]!, v = values[j]!;
      for (let i = this.offsets[f]!, e = this.offsets[f + 1]!; i < e; i++) z[this.classIndex[i]!]! += this.weight[i]! * v;
    }
    return z;
  }

  /** Classes with probability >= `min`, highest first. */
  scores(x: Features, min = 0): Scored[] {
    return this.ranked(this.logits(x), min);
  }

  private ranked(z: Float64Array, min: number): Scored[] {
    const floor = min > 0 ? Math.log(min / (1 - min)) : -Infinity;
    const out: Scored[] = [];
    for (let c = 0; c < z.length; c++) if (z[c]! >= floor) out.push({ cls: this.classes[c]!, p: 1 / (1 + Math.exp(-z[c]!)) });
    return out.length > 1 ? out.sort((a, b) => b.p - a.p) : out;
  }

  /** Probability of the model's first class (for one-class models). */
  probability(x: Features): number {
    return 1 / (1 + Math.exp(-this.logits(x)[0]!));
  }

  /** Probability of the model's first class, for features given as rows and values. */
  probabilityOfRows(x: Rows): number {
    return 1 / (1 + Math.exp(-this.logitsOfRows(x)[0]!));
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
