/**
 * The shape of a campaign as staff create or change it (admin API, console), checked with zod
 * before the service adds the checks that need the pack (areas) and node-cron (the schedule).
 */
import { z } from 'zod';
import { ID_PATTERN } from '../pack/schema.js';

const text = (max: number) =>
  z
    .string('must be a string')
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const idText = z
  .string('must be a string')
  .max(64, 'must be at most 64 characters')
  .regex(ID_PATTERN, 'must match [a-z0-9][a-z0-9_-]* (lower-case letters, digits, _ and -)');

export const audienceInput = z.strictObject({
  channels: z.array(z.enum(['telegram', 'wechat', 'web'], 'must be telegram, wechat or web')).max(3).optional(),
  areas: z.array(idText).max(200, 'at most 200 areas').optional(),
  languages: z.array(z.enum(['zh-CN', 'en'], 'must be zh-CN or en')).max(2).optional(),
  tags: z.array(text(50)).max(20, 'at most 20 tags').optional(),
});

export const surveyInput = z.strictObject({
  question: text(300),
  // A Telegram button shows about 40 characters on a phone.
  options: z.array(text(40)).min(2, 'a survey needs at least 2 options').max(6, 'a survey has at most 6 options'),
});

const fields = {
  name: text(100),
  text: text(3500),
  /** A path in the media store or an https URL. */
  image: z.string().trim().min(1).max(500).nullable().optional(),
  audience: audienceInput.default({}),
  /** 5-field cron in the city's time zone. */
  schedule: z.string().trim().min(1).max(100).nullable().optional(),
  /** Once, at this instant (ISO 8601 with offset). */
  at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with offset, e.g. 2027-04-01T09:00:00+08:00' }).nullable().optional(),
  survey: surveyInput.nullable().optional(),
};

export const campaignCreateInput = z.strictObject({ id: idText.optional(), ...fields });
export type CampaignCreateInput = z.input<typeof campaignCreateInput>;

/** Every field optional: what is given replaces the stored value. */
export const campaignUpdateInput = z.strictObject({
  name: fields.name.optional(),
  text: fields.text.optional(),
  image: fields.image,
  audience: audienceInput.optional(),
  schedule: fields.schedule,
  at: fields.at,
  survey: fields.survey,
});
export type CampaignUpdateInput = z.input<typeof campaignUpdateInput>;
