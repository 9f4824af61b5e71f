// Types of backup.mjs, for the TypeScript tests.
import type { PGlite } from "@electric-sql/pglite";

export declare const DEFAULT_KEEP: number;
export declare class BackupError extends Error {}
export type Env = Record<string, string | undefined>;
export type BackupEntry = { name: string; file: string; kind: "pglite" | "postgres"; takenAt: Date; order: string };

export declare function dataRoot(env?: Env): string;
export declare function backupConfig(env?: Env): { dir: string; keep: number };
export declare function listBackups(dir: string): BackupEntry[];
export declare function pruneBackups(dir: string, keep: number): string[];
export declare function sha256File(file: string): string;
export declare function verifyChecksum(file: string): string;
export declare function lockHolder(root: string): number | null;

export declare function startEmbeddedBackups(options: {
  db: PGlite;
  env?: Env;
  log?: (message: string) => void;
  fail?: (message: string) => void;
}): Promise<{ daily(): Promise<void>; stop(): Promise<void> }>;

export type Saved = { file: string; sha256: string; bytes: number; via: string; pruned: string[] };
export declare function backupEmbedded(options?: { env?: Env; outDir?: string }): Promise<Saved>;
export declare function backupServer(options?: { env?: Env; outDir?: string }): Promise<Saved>;
export declare function restoreEmbedded(
  file: string,
  options?: { env?: Env; force?: boolean },
): Promise<{ dataDir: string; keptAside: string | null }>;
export declare function restoreServer(
  file: string,
  options?: { env?: Env; force?: boolean },
): Promise<{ database: string; replaced: boolean }>;
