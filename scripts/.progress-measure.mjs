// sign in as demo.quan on the local server and fetch pages: time and bytes
const base = "http://127.0.0.1:3110";
const res = await fetch(`${base}/api/auth/sign-in`, { method: "POST", redirect: "manual",
  headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ identifier: "demo.quan", password: process.env.PW, next: "/" }) });
await res.arrayBuffer();
const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
for (const url of process.argv.slice(2)) {
  const times = []; let body;
  for (let i = 0; i < 6; i++) { const t = performance.now(); const r = await fetch(base + url, { headers: { cookie } }); body = await r.text(); times.push(performance.now() - t); if (r.status !== 200) { console.log(url, r.status); break; } }
  times.sort((a, b) => a - b);
  const rsc = (body.match(/self\.__next_f\.push\(\[1,"(.*?)"\]\)/gs) ?? []).reduce((s, m) => s + m.length, 0);
  console.log(url, `median ${times[3].toFixed(0)} ms`, `max ${times[5].toFixed(0)} ms`, `${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB (RSC ${(rsc / 1024).toFixed(0)} KiB)`);
}
