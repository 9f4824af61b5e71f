#!/usr/bin/env node
// `npm run audit:verify`: checks the audit log's hash chain on DATABASE_URL, else on the embedded
// database in $DATA_DIR (stop `npm start` first: PGlite serves one process). Prints the first broken
// row (id, when, what). Exit code 0 intact, 1 broken, 2 could not check.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { formatAuditReport, verifyAuditChain } from "./lib/audit-verify.mjs";
import { ROOT, withClient } from "./lib/db-tools.mjs";

// .env files, as `npm start` reads them, so that both look at the same database
createRequire(path.join(ROOT, "node_modules/next/dist/bin/next"))("@next/env").loadEnvConfig(ROOT, false, {
  info() {},
  error: console.error,
});

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e?.code === "EPERM";
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (url) return withClient(url, verifyAuditChain);
  const dataRoot = path.resolve(ROOT, process.env.DATA_DIR || ".data");
  const dataDir = path.join(dataRoot, "pglite");
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION")))
    throw new Error(`không có DATABASE_URL và không có cơ sở dữ liệu nhúng tại ${dataDir}.`);
  const lock = path.join(dataRoot, "pglite.lock");
  const pid = Number(fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : 0);
  if (pid && isAlive(pid))
    throw new Error(`cơ sở dữ liệu nhúng đang được \`npm start\` (tiến trình ${pid}) dùng: hãy dừng máy chủ trước.`);
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create({ dataDir });
  try {
    return await verifyAuditChain(db);
  } finally {
    await db.close();
  }
}

main().then(
  (result) => {
    (result.ok ? console.log : console.error)(formatAuditReport(result));
    process.exit(result.ok ? 0 : 1);
  },
  (e) => {
    console.error(`LỖI: không kiểm được nhật ký: ${e?.message ?? e}`);
    process.exit(2);
  },
);
