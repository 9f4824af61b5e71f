// The request the mocked `next/headers` answers with (tests/setup/integration-next.ts): a test sets
// `request.headers` (e.g. `browserHeaders(cookie)` from ./auth-fixtures) before calling an action or a
// page guard, as Next would for the person's request. Kept on globalThis: the mock factory and the
// test file may load this module separately, and must share the one object.
const KEY = Symbol.for("ctk.integration.request");
const store = globalThis as typeof globalThis & { [KEY]?: { headers: Headers } };

export const request: { headers: Headers } = (store[KEY] ??= { headers: new Headers() });
