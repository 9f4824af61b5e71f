// Moments (saves, edits, deadlines) as Vietnamese officials read them: dd/mm/yyyy hh:mm in Hà Nội
// time, the same on the server and in any browser (no hydration mismatch, no surprise from a laptop's
// zone). Vietnam has no daylight saving: UTC+7 all year.

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** 2020-03-05T01:07:00Z → "05/03/2020 08:07". */
export function formatDateTime(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  const p = Object.fromEntries(PARTS.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const VN_OFFSET_MS = 7 * 3600_000;

/** Today's date in Vietnam, yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}
