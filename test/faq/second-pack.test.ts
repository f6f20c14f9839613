import { describe, expect, it } from 'vitest';
import { createFaqEngine } from '../../src/faq/index.js';
import { loadPackFile } from '../../src/pack/load.js';
import { scoreFixture } from './fixture-score.js';

/**
 * The second fixture pack (another county's topics, written apart from the first) with its own
 * labelled questions, many of them near-topic out-of-scope ones: a floor on how the method does
 * on wording it was not written around.
 */
const PACK = new URL('../fixtures/packs/faq-2.yaml', import.meta.url).pathname;
const QUESTIONS = new URL('./fixture-questions-2.jsonl', import.meta.url).pathname;

describe('the FAQ engine on a second pack', () => {
  it('answers most in-scope questions right and declines most out-of-scope ones', async () => {
    const s = scoreFixture(createFaqEngine((await loadPackFile(PACK)).pack.faq), QUESTIONS);
    expect(s.inN).toBeGreaterThan(50);
    expect(s.outN).toBeGreaterThan(25);
    expect(s.inScope).toBeGreaterThanOrEqual(0.85);
    expect(s.abstention).toBeGreaterThanOrEqual(0.7);
  });

  it.each([
    ['How do I get rid of cockroaches?', 'cockroach'],
    ['When does the park close?', 'park-hours'],
    ['Street light is broken, who fixes it?', 'street-lights'],
    ['Can I charge my e-bike in the hallway?', 'ebike-charging'],
  ])('answers an English question: %s', async (text, id) => {
    const engine = createFaqEngine((await loadPackFile(PACK)).pack.faq);
    expect(engine.answer(text).best?.id).toBe(id);
  });
});
