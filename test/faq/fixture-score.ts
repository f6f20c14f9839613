/**
 * Scores the FAQ engine on one of the repo's own labelled question files: in-scope top-1 accuracy
 * and out-of-scope abstention, with the counts behind them.
 */
import { readFileSync } from 'node:fs';
import type { FaqEngine } from '../../src/faq/index.js';

interface Case {
  id: string;
  text: string;
  expect: string | null;
}

export function scoreFixture(engine: FaqEngine, questionsFile: string): { inScope: number; abstention: number; inN: number; outN: number } {
  const cases = readFileSync(questionsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
  let inN = 0, inOk = 0, outN = 0, outOk = 0;
  for (const c of cases) {
    const ok = (engine.answer(c.text).best?.id ?? null) === c.expect;
    if (c.expect === null) (outN++, ok && outOk++);
    else (inN++, ok && inOk++);
  }
  return { inScope: inOk / inN, abstention: outOk / outN, inN, outN };
}
