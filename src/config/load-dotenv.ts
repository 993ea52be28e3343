import { existsSync } from 'node:fs';
import { config } from 'dotenv';

/** Loads ./.env when present; real environment variables always win. */
export function loadDotenv(path = '.env'): void {
  if (existsSync(path)) config({ path, quiet: true, override: false });
}
