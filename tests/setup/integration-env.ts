// setupFiles of the `integration` project: runs in each test worker before the test file, so that
// lib/env.ts (which reads process.env on import) sees the run's database.
import { inject } from "vitest";
import "./context";

process.env.DATABASE_URL = inject("testDb").url;
process.env.DB_POOL_MAX ||= "4";
