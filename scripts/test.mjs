#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure.
//   format check, typecheck, lint, unit tests, integration tests, next build, end-to-end tests (Playwright)
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const NPM = process.env.npm_execpath; // set when run through `npm test`

const steps = [
  ["format check", "format:check"],
  ["typecheck", "typecheck"],
  ["lint", "lint"],
  ["unit tests", "test:unit"],
  ["integration tests", "test:integration"],
  ["next build", "build"],
  ["e2e tests", "test:e2e"],
];

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // vitest.config.ts is a .ts file in a CommonJS package: Vite warns about its future loader
  VITE_CONFIG_NATIVE_IGNORE_WARNING: "true",
};

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
let current = null;

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    current?.kill(signal);
    console.error(`\n[test] interrupted (${signal}) after ${seconds(Date.now() - started)}`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

function runScript(script) {
  const [command, args] = NPM
    ? [process.execPath, [NPM, "run", "--silent", script]]
    : ["npm", ["run", "--silent", script]];
  return new Promise((resolve) => {
    current = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    current.on("error", (e) => {
      console.error(e);
      resolve(1);
    });
    current.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const timings = [];
for (const [i, [name, script]] of steps.entries()) {
  console.log(`\n[test] ${i + 1}/${steps.length} ${name} (npm run ${script})`);
  const t = Date.now();
  const code = await runScript(script);
  timings.push(`${name} ${seconds(Date.now() - t)}`);
  if (code !== 0) {
    console.error(`\n[test] FAILED at step ${i + 1}/${steps.length}: ${name} (exit code ${code})`);
    console.error(`[test] ${timings.join(", ")}; total ${seconds(Date.now() - started)}`);
    process.exit(code || 1);
  }
}
console.log(`\n[test] all ${steps.length} steps passed: ${timings.join(", ")}`);
console.log(`[test] total ${seconds(Date.now() - started)}`);
