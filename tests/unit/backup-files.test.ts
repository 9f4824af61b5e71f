// Rotation and checksums of backup files (scripts/lib/backup.mjs): only this tool's complete backups
// (with their .sha256) count and are ever deleted; BACKUP_KEEP and BACKUP_DIR are read as documented.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backupConfig, listBackups, pruneBackups, verifyChecksum } from "../../scripts/lib/backup.mjs";

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const make = (name: string, sidecar = true) => {
  fs.writeFileSync(path.join(dir, name), name);
  if (sidecar)
    fs.writeFileSync(
      path.join(dir, `${name}.sha256`),
      `${crypto.createHash("sha256").update(name).digest("hex")}  ${name}\n`,
    );
};

describe("backup files", () => {
  it("keeps the newest BACKUP_KEEP backups and never touches other files", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-backup-unit-"));
    for (let d = 1; d <= 5; d++) make(`ctk-pglite-2025010${d}T020000Z.tar.gz`);
    make("ctk-pglite-20250103T020000Z-2.tar.gz"); // a second one in the same second
    make("ctk-pglite-20250106T020000Z.tar.gz", false); // being written: no sidecar yet
    make("so-lieu-cua-phuong.xlsx", false);
    expect(pruneBackups(dir, 3)).toEqual([
      "ctk-pglite-20250101T020000Z.tar.gz",
      "ctk-pglite-20250102T020000Z.tar.gz",
      "ctk-pglite-20250103T020000Z.tar.gz",
    ]);
    expect(listBackups(dir).map((b) => b.name)).toEqual([
      "ctk-pglite-20250103T020000Z-2.tar.gz",
      "ctk-pglite-20250104T020000Z.tar.gz",
      "ctk-pglite-20250105T020000Z.tar.gz",
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        "ctk-pglite-20250103T020000Z-2.tar.gz",
        "ctk-pglite-20250103T020000Z-2.tar.gz.sha256",
        "ctk-pglite-20250104T020000Z.tar.gz",
        "ctk-pglite-20250104T020000Z.tar.gz.sha256",
        "ctk-pglite-20250105T020000Z.tar.gz",
        "ctk-pglite-20250105T020000Z.tar.gz.sha256",
        "ctk-pglite-20250106T020000Z.tar.gz",
        "so-lieu-cua-phuong.xlsx",
      ].sort(),
    );
    expect(listBackups(dir)[0].takenAt.toISOString()).toBe("2025-01-03T02:00:00.000Z");
  });

  it("refuses a file whose checksum does not match or is missing", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-backup-unit-"));
    make("ctk-postgres-20250101T020000Z.dump");
    const file = path.join(dir, "ctk-postgres-20250101T020000Z.dump");
    expect(verifyChecksum(file)).toMatch(/^[0-9a-f]{64}$/);
    fs.appendFileSync(file, "x");
    expect(() => verifyChecksum(file)).toThrow(/bị hỏng hoặc đã bị sửa/);
    fs.rmSync(`${file}.sha256`);
    expect(() => verifyChecksum(file)).toThrow(/thiếu tệp mã kiểm tra/);
  });

  it("reads BACKUP_DIR and BACKUP_KEEP (default $DATA_DIR/backups and 14)", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-backup-unit-"));
    expect(backupConfig({ DATA_DIR: dir })).toEqual({ dir: path.join(dir, "backups"), keep: 14 });
    expect(backupConfig({ DATA_DIR: dir, BACKUP_DIR: path.join(dir, "usb"), BACKUP_KEEP: "30" })).toEqual({
      dir: path.join(dir, "usb"),
      keep: 30,
    });
    expect(() => backupConfig({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
    expect(() => backupConfig({ BACKUP_KEEP: "mười" })).toThrow(/BACKUP_KEEP/);
  });
});
