import { defineConfig } from 'drizzle-kit';

// Generates SQLite migrations from db/schema.ts: `npm run db:generate`. A PostgreSQL dialect gets its own
// config and folder (db/migrations-pg) when it is added.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
