export { createCampaignService, type CampaignService, type CampaignServiceOptions, type CampaignView, type TestTarget } from './service.js';
export type { BroadcastOptions, StepResult } from './broadcast.js';
export type { Audience, CampaignRecord, CampaignRepo, CampaignRun, SurveySpec } from './ports.js';
export { formatProgress, type RunProgress } from './progress.js';
export { DEFAULT_QUIET_HOURS, parseQuietHours, quietUntil } from './quiet-hours.js';
export { parseSurveyData, renderCampaign, surveyData } from './render.js';
export { campaignCreateInput, campaignUpdateInput } from './input.js';
