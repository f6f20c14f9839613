/**
 * Survey answers: a campaign's survey buttons carry `sv:<runId>:<option>` (WeChat sends the same
 * data for a reply by number). The answer is stored once per resident and run (a later tap
 * replaces it), with the area of the resident's subscription for the tally; whatever the resident
 * was doing continues afterwards.
 */
import { parseSurveyData } from '../src/campaigns/index.js';
import { buttonOf } from './support/inbound.js';
import type { ChatFlow, FlowKit } from './support/types.js';

export const SURVEY_FLOW = 'survey';

export function createSurveyFlow(kit: FlowKit): ChatFlow {
  return {
    name: SURVEY_FLOW,
    interrupts: (ctx) => buttonOf(ctx)?.startsWith('sv:') === true,
    async begin(ctx) {
      kit.keep(ctx);
      const t = ctx.t.survey;
      const answer = parseSurveyData(buttonOf(ctx) ?? '');
      const run = answer && (await ctx.tx.campaigns.runById(answer.runId));
      const campaign = run && (await ctx.tx.campaigns.byId(run.campaignId));
      const option = answer && campaign?.survey?.options[answer.option - 1];
      if (!answer || !run || !campaign || option === undefined || campaign.status === 'cancelled' || run.status === 'cancelled') {
        ctx.say(t.closed);
      } else {
        const sub = await ctx.tx.subscriptions.byResident(ctx.resident.id);
        await ctx.tx.campaigns.answer({ runId: run.id, residentId: ctx.resident.id, option: answer.option, areaId: sub?.areaId ?? null, now: ctx.now });
        ctx.say(t.answered({ option }));
      }
      await kit.finish(ctx);
    },
    handle: (ctx) => kit.finish(ctx, { redispatch: true }),
  };
}
