/** The FAQ engine: Chinese-aware retrieval with calibrated abstention. */
export { createFaqEngine } from './engine.js';
export type { FaqAnswer, FaqEngine, FaqEngineOptions, FaqMatch } from './engine.js';
