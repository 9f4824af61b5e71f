// How the upload guard holds against zip bombs: each case (a crafted .xlsx whose headers under-declare
// its parts, an honest one, a plain workbook, several bombs at once) runs in a fresh process, and the
// time to the answer and the process's peak memory growth are printed and written to
// bench-results/zip.json.   npm run bench:zip
import fs from "node:fs";
import path from "node:path";
import { ROOT, run } from "./lib/db-tools.mjs";

const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const CASES = [
  ["lying-1gb", 1],
  ["lying-5x200mb", 1],
  ["lying-4x15mb", 1],
  ["honest-1gb", 1],
  ["workbook-2000-rows", 1],
  ["lying-1gb", 8],
];

const results = [];
for (const [name, copies] of CASES) {
  const out = await run(
    process.execPath,
    [
      TSX,
      "--conditions=react-server",
      "--tsconfig",
      path.join(ROOT, "tsconfig.json"),
      "scripts/lib/bench-zip-run.mts",
      name,
      String(copies),
    ],
    {
      // a database that is never reached: a refused file stops before it
      env: { ...process.env, DATABASE_URL: "postgresql://bench@127.0.0.1:1/none", NODE_ENV: "production" },
      quiet: true,
    },
  );
  const result = JSON.parse(
    out
      .trim()
      .split("\n")
      .findLast((l) => l.startsWith("{")),
  );
  console.log(JSON.stringify(result));
  results.push(result);
}
fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, "bench-results/zip.json"),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + "\n",
);
