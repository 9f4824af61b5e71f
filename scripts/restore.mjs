#!/usr/bin/env node
// `npm run restore -- FILE [--force]`: verifies FILE against FILE.sha256, then restores it
//   embedded database (no DATABASE_URL): into $DATA_DIR/pglite, which must be empty (with --force a
//   non-empty one is kept aside as pglite.before-restore-<time>); `npm start` must be stopped;
//   PostgreSQL server (DATABASE_URL): into that database, created when missing, which must be empty
//   (with --force its contents are replaced, in one transaction with the restore). Stop the app first.
// How it works: scripts/lib/backup.mjs.
import { cli } from "./lib/backup-cli.mjs";
import { BackupError, restoreEmbedded, restoreServer } from "./lib/backup.mjs";

await cli(
  "restore",
  { flags: ["--force"], usage: "npm run restore -- TỆP_SAO_LƯU [--force]" },
  async ({ env, options, log, display }) => {
    if (options.positional.length !== 1) throw new BackupError("cần đúng một tệp sao lưu.");
    const file = options.positional[0];
    const force = options["--force"] === true;
    if (env.DATABASE_URL) {
      const done = await restoreServer(file, { env, force });
      log(
        `Đã khôi phục ${display(file)} vào cơ sở dữ liệu "${done.database}"${done.replaced ? " (thay thế dữ liệu cũ)" : ""}.`,
      );
    } else {
      const done = await restoreEmbedded(file, { env, force });
      log(`Đã khôi phục ${display(file)} vào ${display(done.dataDir)}.`);
      if (done.keptAside) log(`Dữ liệu cũ được giữ lại ở ${display(done.keptAside)} (xóa khi không cần nữa).`);
    }
    log("Chạy npm start để dùng (migration mới hơn bản sao lưu, nếu có, được áp dụng khi khởi động).");
  },
);
