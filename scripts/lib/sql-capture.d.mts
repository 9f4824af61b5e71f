// Types of sql-capture.mjs, for the app (lib/bench-sql-log.ts) and the tests.
export type CapturedStatement = { sql: string; params: unknown[]; rowMode?: string; conn?: number };
export declare function encodeValue(v: unknown): unknown;
export declare function decodeValue(v: unknown): unknown;
export declare function statementLine(s: { text: string; values?: unknown[]; rowMode?: string; conn?: number }): string;
export declare function markerLine(on: boolean, at?: number): string;
export declare function capturedWindow(text: string): CapturedStatement[] | null;
export declare function statementKind(sql: string): "tx" | "write" | "read";
export declare function statementLabel(sql: string, length?: number): string;
export declare function compareCaptures(
  a: CapturedStatement[],
  b: CapturedStatement[],
): { same: boolean; sameOrder: boolean; differences: string[] };
