// Shared command-line frame of scripts/backup.mjs and scripts/restore.mjs: .env files as `npm start`
// reads them, argument parsing, Vietnamese messages, and exit codes (0 done, 1 refused or failed,
// 2 wrong usage).
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "./db-tools.mjs";
import { BackupError } from "./backup.mjs";

export async function cli(name, { flags, usage }, fn) {
  const log = (m) => console.log(`[${name}] ${m}`);
  const display = (p) => {
    const abs = path.resolve(p);
    return abs.startsWith(ROOT + path.sep) ? path.relative(ROOT, abs) : abs;
  };
  createRequire(path.join(ROOT, "node_modules/next/dist/bin/next"))("@next/env").loadEnvConfig(ROOT, false, {
    info() {},
    error: console.error,
  });
  const env = { ...process.env };
  if (!env.DATABASE_URL) delete env.DATABASE_URL; // empty counts as unset, as in npm start

  const options = { positional: [] };
  const args = process.argv.slice(2);
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-h" || a === "--help") {
        console.log(`Cách dùng: ${usage}`);
        return;
      }
      const [flag, inline] = a.split(/=(.*)/s);
      if (!flag.startsWith("--")) options.positional.push(a);
      else if (!flags.includes(flag)) throw new Error(`không biết tùy chọn ${flag}`);
      else if (flag === "--force") options[flag] = true;
      else if (inline !== undefined) options[flag] = inline;
      else if (i + 1 < args.length) options[flag] = args[++i];
      else throw new Error(`${flag} cần một giá trị`);
    }
  } catch (e) {
    console.error(`[${name}] LỖI: ${e.message}\nCách dùng: ${usage}`);
    process.exit(2);
  }
  try {
    await fn({ env, options, log, display });
  } catch (e) {
    console.error(`[${name}] LỖI: ${e instanceof BackupError ? e.message : (e?.stack ?? e)}`);
    process.exit(1);
  }
}
