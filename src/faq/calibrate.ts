/**
 * The answer-or-abstain decision as a small logistic model over {@link Features}. The weights
 * were fitted with {@link fitLogistic} on the repository's own fixture packs and questions
 * (`npx tsx bench/faq.ts --fit` over test/fixtures/packs/faq{,-2,...,-10}.yaml with their questions),
 * never on an evaluation set, and kept few and regularised so that they carry over to packs they
 * were not fitted on (checked by fitting on all packs but one and scoring the one left out).
 * Each pack's rows are computed with word associations (associations.ts) learned from the other
 * packs only, so the weights say how far an association holds on wording it was not learned from.
 */
import { FEATURE_NAMES, featureVector, type Features } from './features.js';

export interface Calibration {
  bias: number;
  weights: Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;
}

export const DEFAULT_CALIBRATION: Calibration = {
  bias: -5.499,
  weights: {
    recall: 3.091,
    precision: 3.975,
    questionRecall: 0.119,
    missing: -0.439,
    foreign: -0.486,
    margin: 3.5,
    mass: 2.304,
    crossMiss: 0.322,
    salientMiss: 0.451,
    askMismatch: -1.865,
    intentAgree: 0.785,
    intentClash: -1.881,
    exception: -2.089,
    actionUnmet: -1.345,
  },
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability in [0, 1] that answering with this candidate is right. */
export function confidence(f: Features, c: Calibration = DEFAULT_CALIBRATION): number {
  let z = c.bias;
  for (const k of FEATURE_NAMES) z += c.weights[k] * f[k];
  return sigmoid(z);
}

/**
 * L2-regularised logistic regression by gradient descent (features are shares in [0, 1], so no
 * scaling is needed). `rows` pair a candidate's features with whether answering it was right.
 * Options: `l2` penalty, default 0.0003 (chosen by fitting on all own packs but one and scoring the
 * one left out: heavier penalties lost accuracy on the held-out packs once there were eight);
 * `rate`, default 1; `steps`, default 30,000.
 */
export function fitLogistic(
  rows: ReadonlyArray<{ features: Features; right: boolean }>,
  options: { l2?: number; rate?: number; steps?: number } = {},
): Calibration {
  const l2 = options.l2 ?? 0.0003;
  const rate = options.rate ?? 1;
  const steps = options.steps ?? 30_000;
  const xs = rows.map((r) => featureVector(r.features));
  const ys = rows.map((r) => (r.right ? 1 : 0));
  const n = FEATURE_NAMES.length;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      let z = b;
      for (let j = 0; j < n; j++) z += (w[j] ?? 0) * (x[j] ?? 0);
      const err = sigmoid(z) - (ys[i] ?? 0);
      gb += err;
      for (let j = 0; j < n; j++) gw[j] = (gw[j] ?? 0) + err * (x[j] ?? 0);
    });
    const m = Math.max(1, xs.length);
    b -= (rate * gb) / m;
    for (let j = 0; j < n; j++) w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / m + l2 * (w[j] ?? 0));
  }
  const weights = Object.fromEntries(FEATURE_NAMES.map((k, j) => [k, Math.round((w[j] ?? 0) * 1000) / 1000]));
  return { bias: Math.round(b * 1000) / 1000, weights: weights as Calibration['weights'] };
}
