// Moments (saves, edits) as Vietnamese officials read them: dd/mm/yyyy hh:mm in Hà Nội time,
// the same on the server and in any browser (no hydration mismatch, no surprise from a laptop's zone).

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
