// Stand-in for the `server-only` package in tests: outside React Server Components it throws on
// import, and Vitest runs modules as plain Node. vitest.config.ts aliases "server-only" to this file.
export {};
