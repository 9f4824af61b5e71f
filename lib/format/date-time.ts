// Moments as a Vietnamese reader expects them: "05/11/2019 14:30", in Vietnam time (UTC+7, no
// daylight saving) whatever the server's time zone.

const VN_OFFSET_MS = 7 * 3600_000;

export function formatDateTime(iso: string | Date): string {
  const d = new Date((typeof iso === "string" ? Date.parse(iso) : iso.getTime()) + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Today's date in Vietnam, yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}
