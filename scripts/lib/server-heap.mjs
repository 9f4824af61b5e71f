// The web server's V8 heap limit. Node sizes the old generation from the machine's memory (about 4 GiB
// on 24 GiB) and collects lazily below it, so ten concurrent renders left the server at 700+ MiB resident
// though it needs far less: bench:scale at 126 wards peaked at 710 MiB uncapped, 407 MiB at 256 MiB of
// old space with the same throughput; 128 MiB halved throughput (collection after every few requests).
export const DEFAULT_SERVER_HEAP_MIB = 384;

/**
 * Node's arguments for scripts/server.mjs: `--max-old-space-size` from SERVER_HEAP_MIB (default 384;
 * `0`: Node's own limit), unless NODE_OPTIONS already sets one (the operator's choice wins).
 * Throws with a Vietnamese message on a value that is not a whole number of MiB ≥ 128 (or 0).
 */
export function serverHeapArgs(env) {
  if (/--max-old-space-size[=\s]/.test(env.NODE_OPTIONS ?? "")) return [];
  const raw = (env.SERVER_HEAP_MIB ?? "").trim();
  const mib = raw === "" ? DEFAULT_SERVER_HEAP_MIB : Number(raw);
  if (!Number.isInteger(mib) || (mib !== 0 && mib < 128)) {
    throw new Error(
      `SERVER_HEAP_MIB="${raw}": cần một số nguyên MiB từ 128 trở lên (hoặc 0: giới hạn mặc định của Node).`,
    );
  }
  return mib === 0 ? [] : [`--max-old-space-size=${mib}`];
}
