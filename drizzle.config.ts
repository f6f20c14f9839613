import { defineConfig } from 'drizzle-kit';

// Generates SQLite migrations from db/schema.ts: `npm run db:generate`. PostgreSQL has its own config
// (drizzle.pg.config.ts) and folder (db/migrations-pg); change both schemas together.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
