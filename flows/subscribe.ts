/**
 * Subscribing to campaign news and leaving it: 订阅 / 退订 / 取消订阅 / STOP / /subscribe /
 * /unsubscribe, from any state. The area comes from the resident's latest ticket (campaigns
 * may target areas); whatever the resident was doing continues afterwards.
 */
import { buttonOf, commandOf, isWord } from './support/inbound.js';
import { MENU } from './support/menu.js';
import type { ChatFlow, Ctx, FlowKit } from './support/types.js';

export const SUBSCRIBE_FLOW = 'subscribe';

const SUBSCRIBE = ['订阅', '订阅资讯', '订阅创卫资讯', 'subscribe'];
const UNSUBSCRIBE = ['退订', '取消订阅', '退订资讯', 'stop', 'unsubscribe'];

function wants(ctx: Ctx): 'subscribe' | 'unsubscribe' | undefined {
  const cmd = commandOf(ctx)?.command;
  if (cmd === 'subscribe' || buttonOf(ctx) === MENU.subscribe || isWord(ctx, SUBSCRIBE)) return 'subscribe';
  if (cmd === 'unsubscribe' || cmd === 'stop' || isWord(ctx, UNSUBSCRIBE)) return 'unsubscribe';
  return undefined;
}

export function createSubscribeFlow(kit: FlowKit): ChatFlow {
  return {
    name: SUBSCRIBE_FLOW,
    interrupts: (ctx) => wants(ctx) !== undefined,
    async begin(ctx) {
      kit.keep(ctx);
      const s = ctx.t.subscribe;
      const residentId = ctx.resident.id;
      if (wants(ctx) === 'unsubscribe') {
        ctx.say((await ctx.tx.subscriptions.unsubscribe(residentId, ctx.now)) ? s.undone : s.notSubscribed);
      } else {
        const before = await ctx.tx.subscriptions.byResident(residentId);
        const [latest] = await ctx.services.tickets.forResident(residentId, 1);
        await ctx.tx.subscriptions.subscribe(
          {
            residentId,
            channel: ctx.resident.channel,
            address: ctx.resident.address,
            areaId: latest?.areaId ?? before?.areaId ?? null,
            language: ctx.lang,
            tags: before?.tags ?? [],
          },
          ctx.now,
        );
        ctx.say(before?.status === 'active' ? s.already : s.done);
      }
      await kit.finish(ctx);
    },
    handle: (ctx) => kit.finish(ctx, { redispatch: true }),
  };
}
