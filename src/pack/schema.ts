/**
 * The city pack, format version 1, as zod schemas. The structure is checked here; references
 * between lists (a category's unit, an area's parent, ...) are checked in `validate.ts`, so that
 * every problem of a pack is reported at once.
 */
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const id = z.string().regex(ID_PATTERN, 'must match [a-z0-9][a-z0-9_-]* (lower-case letters, digits, _ and -)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-01-01');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like "08:30"');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** YAML turns an unquoted 2027-01-01 into a Date; accept both and keep the text form. */
const dateLike = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  isoDate,
);

const lonMessage = 'longitude must be between -180 and 180 (points are [lon, lat])';
const latMessage = 'latitude must be between -90 and 90 (points are [lon, lat])';
const point = z.tuple([
  z.number().min(-180, lonMessage).max(180, lonMessage),
  z.number().min(-90, latMessage).max(90, latMessage),
]);

export const citySchema = z.strictObject({
  id,
  name: nonEmpty,
  /** IANA zone. Default Asia/Shanghai. */
  timezone: z.string().default('Asia/Shanghai'),
  /** The bot's default language. Default zh-CN. */
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** cn: mainland statutory holidays and make-up workdays; weekdays: Monday to Friday. Default cn. */
  calendar: z.enum(['cn', 'weekdays']).default('cn'),
  holidays: z.array(dateLike).default([]),
  workdays: z.array(dateLike).default([]),
  /** Default 08:30 to 17:30. */
  workhours: z.strictObject({ start: hhmm, end: hhmm }).default({ start: '08:30', end: '17:30' }),
  /** Coordinate system of the polygons. Default wgs84. */
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  dispatcher: id,
});

export const unitSchema = z.strictObject({
  id,
  name: nonEmpty,
  supervisor: id.optional(),
  contacts: z
    .strictObject({
      telegram_chat: z.union([z.string(), z.number()]).transform(String).optional(),
      wechat_room: nonEmpty.optional(),
      wecom_webhook_env: z
        .string()
        .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name like WECOM_SANITATION_URL')
        .optional(),
    })
    .default({}),
});

export const categorySchema = z.strictObject({
  id,
  name: nonEmpty,
  unit: id,
  sla: z
    .strictObject({
      ack: z.literal('same_day').default('same_day'),
      resolve_workdays: z.number().int().min(1).max(365).default(1),
    })
    .default({ ack: 'same_day', resolve_workdays: 1 }),
  keywords: z.array(nonEmpty).default([]),
  examples: z.array(nonEmpty).default([]),
});

export const areaSchema = z.strictObject({
  id,
  name: nonEmpty,
  kind: z.string().optional(),
  parent: id.optional(),
  aliases: z.array(nonEmpty).default([]),
  polygon: z.array(point).min(3, 'a polygon needs at least 3 points').optional(),
  units: z.record(z.string(), id).default({}),
});

export const faqSchema = z.strictObject({
  id,
  question: nonEmpty,
  variants: z.array(nonEmpty).default([]),
  answer: nonEmpty,
  tags: z.array(nonEmpty).default([]),
});

export const campaignSchema = z
  .strictObject({
    id,
    name: nonEmpty,
    schedule: nonEmpty.optional(),
    at: z
      .preprocess((v) => (v instanceof Date ? v.toISOString() : v), z.iso.datetime({ offset: true }))
      .optional(),
    audience: z
      .strictObject({
        channels: z.array(z.enum(['telegram', 'wechat', 'web'])).optional(),
        areas: z.array(id).optional(),
      })
      .default({}),
    message: z.strictObject({ text: nonEmpty, image: nonEmpty.optional() }),
    enabled: z.boolean().default(true),
  });
// "Exactly one of `schedule` or `at`" is checked in checks.ts: a zod refine would be skipped
// whenever the campaign has any other problem, and every problem is reported at once.

export const packSchema = z.strictObject({
  version: z.literal(1, 'must be 1 (the only pack format this version understands)'),
  city: citySchema,
  units: z.array(unitSchema).min(1, 'at least one unit is required'),
  categories: z.array(categorySchema).min(1, 'at least one category is required'),
  areas: z.array(areaSchema).default([]),
  faq: z.array(faqSchema).default([]),
  campaigns: z.array(campaignSchema).default([]),
});

export type Pack = z.output<typeof packSchema>;
export type City = Pack['city'];
export type Unit = Pack['units'][number];
export type Category = Pack['categories'][number];
export type Area = Pack['areas'][number];
export type FaqEntry = Pack['faq'][number];
export type Campaign = Pack['campaigns'][number];
