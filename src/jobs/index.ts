export { createDeadlineClock, type DeadlineClock, type DeadlineClockDeps, type DeadlineClockOptions } from './deadline-clock.js';
