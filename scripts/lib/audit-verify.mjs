// Checks the audit log's hash chain (migration 20261202130000_audit_hash_chain) outside the database:
// every row's hash is recomputed here from its stored content, so a replaced hashing function in the
// database cannot hide a change. Used by `npm run audit:verify` and by whatever must prove a database
// intact (tests, a restore). `db` is anything with `query(sql, params) -> { rows }`: a pg Client or Pool,
// or a PGlite instance.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);
const BATCH = 2000;

/** Format v1, the same as audit_log_hash() in the migration: '|-' for NULL, else '|' <bytes> ':' <text>. */
function field(value) {
  return value === null || value === undefined ? "|-" : `|${Buffer.byteLength(value, "utf8")}:${value}`;
}

/** The hash a row must carry, given the previous row's hash. Fields as selected by ROWS_SQL (all text). */
export function auditRowHash(prevHash, row) {
  const content =
    `ctk-audit-v1\n${prevHash}` +
    [
      row.id,
      row.at,
      row.actor,
      row.action,
      row.entity,
      row.entity_id,
      row.field,
      row.old_value,
      row.new_value,
      row.context,
    ]
      .map(field)
      .join("");
  return createHash("sha256").update(content, "utf8").digest("hex");
}

// Everything as text, rendered by PostgreSQL exactly as the trigger hashed it (ordered by the bigint
// column, not by the text alias "id").
const ROWS_SQL = `
  SELECT id::text AS id, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at, actor, action::text AS action,
         entity, entity_id, field, old_value, new_value, context::text AS context, prev_hash, hash
  FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT ${BATCH}`;

/**
 * Walks the chain in id order and stops at the first broken row.
 * @returns {Promise<{ ok: boolean, count: number, lastId: string | null, lastHash: string,
 *   broken: null | { id: string, at: string | null, actor: string | null, action: string | null,
 *   entity: string | null, entityId: string | null, field: string | null, problem: string } }>}
 */
export async function verifyAuditChain(db) {
  const head =
    (await db.query("SELECT last_id::text AS last_id, last_hash FROM audit_chain_head WHERE id = 1")).rows[0] ?? null;
  let prevHash = GENESIS_HASH;
  let prevId = null;
  let count = 0;
  let after = "0";
  const broken = (row, problem) => ({
    ok: false,
    count,
    lastId: prevId,
    lastHash: prevHash,
    broken: {
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      field: row.field,
      problem,
    },
  });
  for (;;) {
    const { rows } = await db.query(ROWS_SQL, [after]);
    for (const row of rows) {
      if (!row.hash || !row.prev_hash)
        return broken(row, "không có mã băm: dòng được chèn khi trigger của chuỗi bị tắt");
      if (row.prev_hash !== prevHash) {
        return broken(
          row,
          prevId === null
            ? "không nối vào đầu chuỗi: các dòng đầu tiên đã bị xóa"
            : `không nối vào dòng trước (id ${prevId}): dòng đó bị sửa cả mã băm, hoặc các dòng giữa hai dòng đã bị xóa`,
        );
      }
      if (auditRowHash(prevHash, row) !== row.hash) return broken(row, "nội dung không khớp mã băm: dòng đã bị sửa");
      prevHash = row.hash;
      prevId = row.id;
      count++;
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].id;
  }
  const result = { ok: true, count, lastId: prevId, lastHash: prevHash, broken: null };
  const gone = (problem) => ({
    ...result,
    ok: false,
    broken: {
      id: head?.last_id ?? "?",
      at: null,
      actor: null,
      action: null,
      entity: null,
      entityId: null,
      field: null,
      problem,
    },
  });
  if (!head) return gone("thiếu đầu chuỗi (bảng audit_chain_head trống): không kiểm được các dòng cuối");
  // the head names the last row the trigger chained: rows after the last one read were deleted
  if (head.last_hash !== prevHash || head.last_id !== (prevId ?? "0")) {
    return gone(
      `đầu chuỗi ghi dòng cuối là id ${head.last_id} nhưng nhật ký dừng ở id ${prevId ?? "(trống)"}: các dòng cuối đã bị xóa`,
    );
  }
  return result;
}

/** The result in a few Vietnamese lines, for the command line. */
export function formatAuditReport(result) {
  if (result.ok) {
    return [
      `Nhật ký kiểm tra nguyên vẹn: ${result.count} dòng, chuỗi băm khớp.`,
      `Dòng cuối: id ${result.lastId ?? "(trống)"}, mã băm ${result.lastHash}`,
      "(ghi lại mã này ở nơi khác để sau này phát hiện được cả việc xóa các dòng cuối cùng với đầu chuỗi)",
    ].join("\n");
  }
  const b = result.broken;
  const what = [
    b.action,
    b.entity && `${b.entity} ${b.entityId ?? ""}`.trim(),
    b.field && `trường ${b.field}`,
    b.actor && `người ghi ${b.actor}`,
  ]
    .filter(Boolean)
    .join(", ");
  return [
    `NHẬT KÝ KIỂM TRA ĐÃ BỊ SỬA: chuỗi băm đứt ở dòng id ${b.id}${b.at ? ` (lúc ${b.at.replace("T", " ")})` : ""}${what ? `: ${what}` : ""}.`,
    `Lý do: ${b.problem}.`,
    `${result.count} dòng trước đó khớp${result.lastId ? ` (đến id ${result.lastId})` : ""}.`,
  ].join("\n");
}
