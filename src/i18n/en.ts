import type { Messages } from './zh-CN.js';

/** English catalogue; mirrors zh-CN key for key. */
export const en: Messages = {
  language: 'English',
  conversation: {
    expired: 'Our last conversation was idle for over 30 minutes, so it was closed. Start again whenever you like.',
    error: 'Sorry, something went wrong while handling your message. Please try again shortly; reports you already filed are safe.',
    photoFailed: 'Sorry, the picture did not come through. Please send it again.',
  },
  ticket: {
    created: (p) =>
      `Your report is filed as ticket ${p.number}.\nHandled by: ${p.unit}\nTo be accepted by: ${p.ackDue}\nTo be resolved by: ${p.resolveDue}\nSend "status ${p.number}" at any time to see its progress.`,
    accepted: (p) => `Ticket ${p.number} was accepted by ${p.unit} and is being handled.`,
    reply: (p) => `Ticket ${p.number}, reply from ${p.unit}: ${p.text}`,
    transferred: (p) => `Ticket ${p.number} was passed on to ${p.unit}.`,
    resolved: (p) => `Ticket ${p.number} was resolved by ${p.unit}: ${p.note}\nHow satisfied are you with the result?`,
    rejected: (p) => `Ticket ${p.number} was not taken up: ${p.reason}`,
    reopened: (p) => `Ticket ${p.number} was reopened and sent back to ${p.unit}.`,
    closed: (p) => `Ticket ${p.number} is closed. Thank you for your report!`,
    rejectReasons: { duplicate: 'already reported', not_ours: 'outside what this service handles', invalid: 'invalid or could not be verified' },
    states: {
      submitted: 'submitted',
      assigned: 'waiting to be accepted',
      accepted: 'in progress',
      resolved: 'resolved (please rate)',
      closed: 'closed',
      transferred: 'transferred',
      reopened: 'reopened',
      escalated: 'escalated to a supervisor',
      rejected: 'not taken up',
    },
  },
  rating: { satisfied: 'Satisfied', basic: 'Basically satisfied', unsatisfied: 'Not satisfied' },
  dateTime: (d) =>
    `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.weekday]} ${d.month}/${d.day} ${d.hh}:${d.mm}`,
};
