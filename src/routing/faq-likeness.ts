/**
 * How much a message resembles one of the pack's FAQ questions. A resident who asks what the FAQ
 * answers is asking, not reporting, even when the question names a report topic ("垃圾分几类").
 */
import type { Pack } from '../pack/schema.js';
import { charNgrams } from '../text/segment.js';

export class FaqLikeness {
  private readonly questions: Set<string>[] = [];

  constructor(pack: Pack) {
    for (const f of pack.faq) {
      for (const q of [f.question, ...f.variants]) {
        const grams = new Set(charNgrams(q, 2));
        if (grams.size > 0) this.questions.push(grams);
      }
    }
  }

  /** Highest Dice coefficient of character bigrams against any FAQ question or variant (0..1). */
  similarity(text: string): number {
    const grams = new Set(charNgrams(text, 2));
    if (grams.size === 0) return 0;
    let best = 0;
    for (const q of this.questions) {
      let shared = 0;
      for (const g of grams) if (q.has(g)) shared++;
      best = Math.max(best, (2 * shared) / (grams.size + q.size));
    }
    return best;
  }
}
