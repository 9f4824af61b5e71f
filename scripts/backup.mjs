#!/usr/bin/env node
// `npm run backup [-- --out DIR]`: a restorable backup and its .sha256 checksum, into BACKUP_DIR
// (default $DATA_DIR/backups; the newest BACKUP_KEEP are kept there) or DIR.
//   embedded database (no DATABASE_URL): PGlite's data directory, through the running `npm start`
//   when there is one; PostgreSQL server (DATABASE_URL): `pg_dump --format=custom`.
// How it works: scripts/lib/backup.mjs.
import { cli } from "./lib/backup-cli.mjs";
import { BackupError, backupEmbedded, backupServer } from "./lib/backup.mjs";

await cli(
  "backup",
  { flags: ["--out"], usage: "npm run backup [-- --out THƯ_MỤC]" },
  async ({ env, options, log, display }) => {
    if (options.positional.length) throw new BackupError(`tham số thừa: ${options.positional.join(" ")}`);
    const outDir = options["--out"];
    const saved = env.DATABASE_URL ? await backupServer({ env, outDir }) : await backupEmbedded({ env, outDir });
    log(`Đã sao lưu ${saved.via}:`);
    log(`  ${display(saved.file)} (${(saved.bytes / 1e6).toFixed(1)} MB)`);
    log(`  ${display(saved.file)}.sha256 (SHA-256 ${saved.sha256})`);
    if (saved.pruned.length)
      log(`Đã xóa ${saved.pruned.length} bản cũ (giữ BACKUP_KEEP bản mới nhất): ${saved.pruned.join(", ")}`);
  },
);
