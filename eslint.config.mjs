import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (e.g. fields left out of an API answer).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  globalIgnores([
    "lib/generated/**",
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    ".data/**",
    "bench-results/**",
    "next-env.d.ts",
  ]),
]);
