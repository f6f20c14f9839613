/**
 * Keeps the photo sweep's list of where photos are referenced complete. Every text or JSON column
 * of the schema is either read by the sweep (MEDIA_SOURCES) or listed here as unable to name a
 * photo the product saved. A column added later fails this test until someone decides which, so
 * a photo referenced only from a new column can never be removed by mistake.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { MEDIA_SOURCE_SPECS } from '../../db/media-sources.js';
import * as schema from '../../db/schema.js';
import { MEDIA_SOURCES } from '../../src/media/sweep.js';

/** Columns that cannot name a saved photo: keys, codes, states, addresses, and people's own words. */
const NOT_PHOTOS = `
campaign_deliveries: channel address status
campaign_runs: campaign_id status owner_id
campaigns: id name text audience schedule survey status source
console_sessions: token_hash
conversations: channel chat_id flow step language
faq_entries: id question variants answer tags source
faq_feedback: kind faq_id question
inbound_seen: channel message_id
media_files: path
numbered_choices: channel chat_id data
outbox: channel address status last_error dedupe_key
residents: channel platform_user_id address language pseudonym phone
staff: login name unit_id role password_hash
staff_bind_codes: code
staff_links: channel platform_user_id
subscriptions: channel address area_id language tags status
survey_answers: area_id
ticket_counters: city_id day
ticket_events: actor type from_state to_state note
ticket_photos: mime source
tickets: number city_id kind state category_id area_id unit_id text channel reject_reason rating
web_messages: session_id direction`
  .trim()
  .split('\n')
  .flatMap((line) => {
    const [table, cols] = line.split(':');
    return (cols ?? '').trim().split(/\s+/).map((c) => `${table}.${c}`);
  });

describe('where photos are referenced', () => {
  it('reads every column that can name a photo, and every other text column is known not to', () => {
    const textColumns = (Object.values(schema) as unknown[])
      .filter((t): t is SQLiteTable => is(t, SQLiteTable))
      .flatMap((t) => {
        const c = getTableConfig(t);
        return c.columns.filter((col) => col.getSQLType() === 'text').map((col) => `${c.name}.${col.name}`);
      })
      .sort();
    // The sweep reads every source the repositories can read, and each reads its spec's column.
    expect([...MEDIA_SOURCES].sort()).toEqual(Object.keys(MEDIA_SOURCE_SPECS).sort());
    const read = MEDIA_SOURCES.map((s) => `${MEDIA_SOURCE_SPECS[s].table}.${MEDIA_SOURCE_SPECS[s].column}`);
    expect([...read, ...NOT_PHOTOS].sort()).toEqual(textColumns);
  });
});
