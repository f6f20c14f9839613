/**
 * The main menu's buttons. Their data are claimed by the flows they start (report, status, faq,
 * subscribe), from any state.
 */
import type { Button } from '../../src/channels/types.js';
import type { Messages } from '../../src/i18n/index.js';

export const MENU = {
  report: 'menu:report',
  status: 'menu:status',
  faq: 'menu:faq',
  subscribe: 'menu:subscribe',
} as const;

/** The menu; `reportThis` replaces "report" with "report this text" (data `entry:report`). */
export function menuButtons(t: Messages, reportThis = false): Button[][] {
  const b = t.menu.buttons;
  return [
    [
      reportThis ? { label: b.reportThis, data: 'entry:report' } : { label: b.report, data: MENU.report },
      { label: b.status, data: MENU.status },
    ],
    [
      { label: b.faq, data: MENU.faq },
      { label: b.subscribe, data: MENU.subscribe },
    ],
  ];
}
