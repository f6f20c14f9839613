import { describe, expect, it } from 'vitest';
import { confidence, fitLogistic } from '../../src/faq/calibrate.js';
import type { Features } from '../../src/faq/features.js';

const base: Features = {
  recall: 0.5, precision: 0.5, questionRecall: 0.5, missing: 0.5, foreign: 0, margin: 0.2, mass: 0.8,
  crossMiss: 0.3, salientMiss: 0.2, askMismatch: 0, intentAgree: 0, intentClash: 0, exception: 0, actionUnmet: 0,
};

describe('calibration', () => {
  it('fits weights that separate right from wrong answers on the feature that tells them apart', () => {
    const rows = [];
    for (let i = 0; i < 40; i++) {
      const r = i / 40;
      rows.push({ features: { ...base, recall: 0.55 + r * 0.45 }, right: true });
      rows.push({ features: { ...base, recall: r * 0.45 }, right: false });
    }
    const cal = fitLogistic(rows, { l2: 0.001 });
    expect(cal.weights.recall).toBeGreaterThan(3);
    expect(confidence({ ...base, recall: 0.9 }, cal)).toBeGreaterThan(0.8);
    expect(confidence({ ...base, recall: 0.1 }, cal)).toBeLessThan(0.2);
  });

  it('rises with coverage and falls with unexplained, mismatched asks under the default weights', () => {
    const good = confidence({ ...base, recall: 0.9, precision: 0.8, questionRecall: 0.9, crossMiss: 0, salientMiss: 0 });
    const weak = confidence(base);
    const mismatch = confidence({ ...base, askMismatch: 1 });
    expect(good).toBeGreaterThan(weak);
    expect(mismatch).toBeLessThan(weak);
    for (const c of [good, weak, mismatch]) expect(c).toBeGreaterThan(0), expect(c).toBeLessThan(1);
    // A question asking what the entry asks (a price of a price entry) counts for it; another ask against it.
    expect(confidence({ ...base, intentAgree: 0.5 })).toBeGreaterThan(weak);
    expect(confidence({ ...base, intentClash: 1 })).toBeLessThan(weak);
  });
});
