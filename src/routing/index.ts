export { createRouter } from './router.js';
export type { Crs, RouteInput, RouteResult, Router, RouterOptions } from './router.js';
