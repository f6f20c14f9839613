/** What the console's routes share: services, the pack, the clock, the session helpers. */
import type { MediaStore } from '../../media/store.js';
import type { Pack } from '../../pack/schema.js';
import type { StaffService } from '../../staff/service.js';
import type { Store } from '../../store/ports.js';
import type { TicketService } from '../../tickets/service.js';
import type { ConsoleAuth } from './auth.js';
import type { areaShapes } from './map-svg.js';
import type { RateLimiter } from './rate-limit.js';

export interface ConsoleContext {
  store: Store;
  staff: StaffService;
  tickets: TicketService;
  media: MediaStore;
  pack: () => Pack;
  clock: () => number;
  auth: ConsoleAuth;
  loginLimiter: RateLimiter;
  /** True when the FAQ admin API is served, so the console shows its FAQ page. */
  faqAdmin: boolean;
  /** Area polygons in WGS-84 for the pack in force. */
  shapes: () => ReturnType<typeof areaShapes>;
}
