export { createDeadlineClock, type DeadlineClock, type DeadlineClockDeps, type DeadlineClockOptions } from './deadline-clock.js';
export {
  createHousekeeping,
  EXPIRED_GRACE_DAYS,
  INBOUND_SEEN_DAYS,
  NUMBERED_CHOICES_DAYS,
  type Housekeeping,
  type HousekeepingDeps,
  type HousekeepingOptions,
  type HousekeepingResult,
} from './housekeeping.js';
