// Types of audit-verify.mjs.
export type Queryable = { query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

export type AuditChainResult = {
  ok: boolean;
  /** rows checked and found intact */
  count: number;
  /** id and hash of the last intact row (null / 64 zeros when none) */
  lastId: string | null;
  lastHash: string;
  /** the first broken row: its id, when, what, and why it breaks the chain */
  broken: null | {
    id: string;
    at: string | null;
    actor: string | null;
    action: string | null;
    entity: string | null;
    entityId: string | null;
    field: string | null;
    problem: string;
  };
};

export declare const GENESIS_HASH: string;
export declare function auditRowHash(prevHash: string, row: Record<string, string | null>): string;
export declare function verifyAuditChain(db: Queryable): Promise<AuditChainResult>;
export declare function formatAuditReport(result: AuditChainResult): string;
