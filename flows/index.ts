/**
 * The conversation flows the product runs, in priority order: when a message arrives, the first
 * flow whose `interrupts` claims it starts, whatever the conversation was doing; otherwise the
 * active flow gets it; otherwise the entry flow.
 */
import type { ChatServices } from '../src/conversations/services.js';
import type { Flow } from '../src/conversations/types.js';
import { createCancelFlow } from './cancel.js';
import { createEntryFlow } from './entry.js';
import { createFaqFlow } from './faq.js';
import { createHelpFlow } from './help.js';
import { createLanguageFlow } from './language.js';
import { createRateFlow } from './rate.js';
import { createReportFlow } from './report.js';
import { createStatusFlow } from './status.js';
import { createSubscribeFlow } from './subscribe.js';
import { createSurveyFlow } from './survey.js';
import { createUnsupportedFlow } from './unsupported.js';
import { createFlowKit } from './support/resume.js';
import { ENTRY_FLOW } from './support/types.js';

export { ENTRY_FLOW };

export function createFlows(): Flow<ChatServices>[] {
  const kit = createFlowKit();
  return kit.register([
    createUnsupportedFlow(kit),
    // Before cancel: "取消订阅" is an unsubscribe, not a cancel.
    createSubscribeFlow(kit),
    createCancelFlow(kit),
    createLanguageFlow(kit),
    createHelpFlow(kit),
    createRateFlow(kit),
    createSurveyFlow(kit),
    createStatusFlow(kit),
    createFaqFlow(kit),
    createReportFlow(kit),
    // Last: it claims every command the others did not.
    createEntryFlow(kit),
  ]);
}
