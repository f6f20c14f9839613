/**
 * The answer-or-abstain decision as a small logistic model over {@link Features}. The weights
 * were fitted with {@link fitCalibration} on the repository's own fixture packs and questions
 * (`npx tsx bench/faq.ts --fit` over test/fixtures/packs/faq{,-2,...,-10}.yaml with their questions),
 * never on an evaluation set, and kept few and regularised so that they carry over to packs they
 * were not fitted on (checked by fitting on all packs but one and scoring the one left out).
 */
import { FEATURE_NAMES, featureVector, type Features } from './features.js';

export interface Calibration {
  bias: number;
  weights: Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;
}

export const DEFAULT_CALIBRATION: Calibration = {
  bias: -5.105,
  weights: {
    recall: 2.973,
    precision: 3.894,
    questionRecall: -0.185,
    missing: -0.616,
    foreign: -0.208,
    margin: 3.633,
    mass: 2.239,
    crossMiss: 0.268,
    salientMiss: 0.569,
    askMismatch: -1.869,
    intentAgree: 0.824,
    intentClash: -1.838,
    exception: -1.933,
    statement: 1.125,
    actionUnmet: -1.409,
  },
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability in [0, 1] that answering with this candidate is right. */
export function confidence(f: Features, c: Calibration = DEFAULT_CALIBRATION): number {
  let z = c.bias;
  for (const k of FEATURE_NAMES) z += c.weights[k] * f[k];
  return sigmoid(z);
}

type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * Features fitted last, with every other weight and the bias held: they may shift the decision only
 * for the questions they mark. `statement` is one: how many of a set's in-scope questions are told
 * as situations depends on who wrote the set, and fitting it jointly moved the bias for every
 * question-shaped one with that share (held-out mean over the own packs 0.787 jointly against 0.803
 * fitted last).
 */
export const LATE_FEATURES: readonly FeatureName[] = ['statement'];

/** Options of {@link fitLogistic}. */
export interface FitOptions {
  /** L2 penalty. Default 0.0003 (chosen by fitting on all own packs but one and scoring the one left out: heavier penalties lost accuracy on the held-out packs once there were eight). */
  l2?: number;
  /** Gradient step. Default 1. */
  rate?: number;
  /** Gradient steps. Default 30,000. */
  steps?: number;
  /** Features whose weight is held at 0. Default none. */
  without?: readonly FeatureName[];
  /** Fit only these features, holding the bias and every other weight at `from`'s. Default: fit all. */
  only?: readonly FeatureName[];
  /** Starting weights and bias; with `only`, the values held. Default all 0. */
  from?: Calibration;
}

/**
 * L2-regularised logistic regression by gradient descent (features are shares in [0, 1], so no
 * scaling is needed). `rows` pair a candidate's features with whether answering it was right.
 */
export function fitLogistic(rows: ReadonlyArray<{ features: Features; right: boolean }>, options: FitOptions = {}): Calibration {
  const l2 = options.l2 ?? 0.0003;
  const rate = options.rate ?? 1;
  const steps = options.steps ?? 30_000;
  const xs = rows.map((r) => featureVector(r.features));
  const ys = rows.map((r) => (r.right ? 1 : 0));
  const n = FEATURE_NAMES.length;
  const free = FEATURE_NAMES.map((k) => (options.only ? options.only.includes(k) : !options.without?.includes(k)));
  const fitBias = options.only === undefined;
  const w = FEATURE_NAMES.map((k) => options.from?.weights[k] ?? 0);
  let b = options.from?.bias ?? 0;
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
    if (fitBias) b -= (rate * gb) / m;
    for (let j = 0; j < n; j++) if (free[j]) w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / m + l2 * (w[j] ?? 0));
  }
  const weights = Object.fromEntries(FEATURE_NAMES.map((k, j) => [k, Math.round((w[j] ?? 0) * 1000) / 1000]));
  return { bias: Math.round(b * 1000) / 1000, weights: weights as Calibration['weights'] };
}

/** The calibration the engine ships: every feature but {@link LATE_FEATURES} first, then those alone. */
export function fitCalibration(
  rows: ReadonlyArray<{ features: Features; right: boolean }>,
  options: Pick<FitOptions, 'l2' | 'rate' | 'steps'> = {},
): Calibration {
  const first = fitLogistic(rows, { ...options, without: LATE_FEATURES });
  return fitLogistic(rows, { ...options, only: LATE_FEATURES, from: first });
}
