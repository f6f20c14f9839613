export { createOfficeService, type OfficeService, type OfficeServiceOptions } from './service.js';
export { createBindFlow, BIND_FLOW } from './bind-flow.js';
export { parseOfficeCommand, type OfficeCommand } from './commands.js';
