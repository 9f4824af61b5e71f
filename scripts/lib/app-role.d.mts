// Types of app-role.mjs.
import type pg from "pg";

export declare class AppRoleError extends Error {}
export declare function schemaOf(url: string): string;
export declare function excessPrivileges(client: pg.Client, role: string, schema: string): Promise<string[]>;
export declare function appDatabaseUrl(options: {
  /** the owner's connection (DATABASE_URL), which ran the migrations */
  adminUrl: string;
  /** APP_DATABASE_URL, APP_DB_ROLE, APP_DB_PASSWORD */
  env?: Record<string, string | undefined>;
  /** where a generated password is kept ($DATA_DIR) */
  dataRoot: string;
  log?: (message: string) => void;
}): Promise<{ url: string; role: string }>;
