// The statements a piece of code sends, as the pg driver sees them: for tests that count what a read
// costs (kept answers send nothing) or how it is sent (unnamed, so planned for its parameters).
import pg from "pg";
import { vi } from "vitest";

export type SentStatement = { text: string; name?: string };

/** `run`'s value, and every statement it sent (its text, and its name when prepared), in order. */
export async function withSentStatements<T>(run: () => Promise<T>): Promise<{ value: T; sent: SentStatement[] }> {
  const sent: SentStatement[] = [];
  const query = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; name?: string } | undefined;
    sent.push(typeof config === "string" ? { text: config } : { text: config?.text ?? "", name: config?.name });
    return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  try {
    return { value: await run(), sent };
  } finally {
    spy.mockRestore();
  }
}
