// Types of db-tools.mjs, for the TypeScript test setup.
import type { ChildProcess } from "node:child_process";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

export declare const ROOT: string;

export type EmbeddedPostgres = {
  db: PGlite;
  /** postgresql://postgres:postgres@127.0.0.1:<port>/postgres?sslmode=disable */
  url: string;
  port: number;
  stop(): Promise<void>;
};

export declare function startEmbeddedPostgres(options?: {
  /** persisted data directory; in memory when undefined */
  dataDir?: string;
  /** a data directory dump (PGlite#dumpDataDir) to start from */
  loadDataDir?: Blob | File;
  /** 0 (default): any free port */
  port?: number;
  maxConnections?: number;
}): Promise<EmbeddedPostgres>;

export declare function postgresReachable(url: string, timeoutMs?: number): Promise<boolean>;
export declare function withDatabase(url: string, database: string): string;
export declare function databaseName(url: string): string;
export declare function quoteIdent(name: string): string;
export declare function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T>;
export declare function ensureDatabase(url: string): Promise<boolean>;

export type RunOptions = {
  env?: NodeJS.ProcessEnv;
  /** capture the output and show it only in the error */
  quiet?: boolean;
  onSpawn?: (child: ChildProcess) => void;
};
/** Resolves with the captured output (quiet) when the command exits with 0. */
export declare function run(command: string, args: string[], options?: RunOptions): Promise<string>;
/** `prisma migrate deploy` on `url`. */
export declare function migrate(url: string, options?: RunOptions): Promise<string>;
