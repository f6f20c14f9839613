import { defineConfig } from 'drizzle-kit';

// Generates PostgreSQL migrations from db/postgres/schema.ts: `npm run db:generate:pg`. Keep it in
// step with db/schema.ts (SQLite, `npm run db:generate`); each dialect has its own folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/postgres/schema.ts',
  out: './db/migrations-pg',
});
