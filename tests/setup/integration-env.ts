// setupFiles of the `integration` project: runs in each test worker before the test file, so that
// lib/env.ts (which reads process.env on import) sees the run's database.
import { inject } from "vitest";
import { TRUSTED_HEADERS_MARK } from "../../scripts/lib/client-address.mjs";
import "./context";

process.env.DATABASE_URL = inject("testDb").url;
process.env.DB_POOL_MAX ||= "4";
// The app reads the client's address from the private header that scripts/server.mjs sets; the tests
// call handlers directly and set that header themselves (auth-fixtures.ts browserHeaders).
(globalThis as Record<symbol, unknown>)[TRUSTED_HEADERS_MARK] = true;
