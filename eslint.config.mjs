import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (e.g. fields left out of an API answer).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // Layers (README "Architecture"): each folder imports only from the layers below it, checked here.
  // app → components → lib/actions → lib/services → lib/data → lib/domain; lib/auth sits beside
  // lib/data (it reads org units through it, lib/data never imports it).
  {
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    // a test may put several layers together (e.g. a domain rule with its zod schema)
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: ["./app", "./components"], message: "lib/ is below the routes and components." },
            {
              target: "./lib/domain",
              from: [
                "./lib/data",
                "./lib/services",
                "./lib/actions",
                "./lib/api",
                "./lib/xlsx",
                "./lib/documents",
                "./lib/format",
                "./lib/validation",
                "./lib/db.ts",
                "./lib/db-errors.ts",
                "./lib/env.ts",
              ],
              message: "lib/domain is pure (the browser uses it too): no data, services, actions, database.",
            },
            // the permission names (lib/auth/permissions.ts, a pure map) are the only part of lib/auth the domain sees
            {
              target: "./lib/domain",
              from: "./lib/auth",
              except: ["./permissions.ts"],
              message: "lib/domain is pure: only the permission names of lib/auth.",
            },
            // Prisma's enums are plain values; the client is not
            {
              target: "./lib/domain",
              from: "./lib/generated/prisma",
              except: ["./enums.ts"],
              message: "lib/domain does not use the Prisma client.",
            },
            {
              target: "./lib/data",
              from: ["./lib/actions", "./lib/services", "./lib/auth", "./lib/api", "./lib/xlsx", "./lib/documents"],
              message: "lib/data is queries and writes: orchestration goes to lib/services, checks to lib/auth.",
            },
            {
              target: "./lib/auth",
              from: ["./lib/actions", "./lib/services"],
              message: "lib/auth is below the actions and services.",
            },
            { target: "./lib/services", from: ["./lib/actions"], message: "lib/services is below the actions." },
            {
              target: "./lib/actions",
              from: ["./lib/db.ts", "./lib/generated/prisma/client.ts", "./lib/xlsx", "./lib/documents", "./lib/api"],
              message:
                "Actions guard, parse and call lib/services or lib/data; they do not reach the database or files themselves.",
            },
            {
              target: "./components",
              from: ["./lib/db.ts", "./lib/generated/prisma/client.ts"],
              message: "Components do not reach the database.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/domain/**/*.{ts,tsx}", "lib/data/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next/*", "next"],
              message:
                "lib/domain and lib/data do not use Next.js (navigation, headers, cache): that is the page's or the action's.",
            },
          ],
        },
      ],
    },
  },
  {
    // components read what lib/data answers (its types), never lib/data itself: pages and lib/services load
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/data/*"],
              allowTypeImports: true,
              message: "Components get their data from the page or lib/services; only types come from lib/data.",
            },
          ],
        },
      ],
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
