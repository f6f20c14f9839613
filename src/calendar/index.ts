/** Working-day calendar: which days count, and the deadlines of a ticket. */
export { createWorkCalendar, DEFAULT_SLA } from './work-calendar.js';
export type { CalendarCity, Deadlines, Sla, WorkCalendar } from './work-calendar.js';
export { cnCoveredRange } from './cn-holidays.js';
export { addDays, localDate, localDay, weekday } from './zoned-time.js';
