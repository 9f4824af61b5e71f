import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_PASSWORD, STORAGE_STATE } from "./auth-state";

// Every page, discovered from the source tree (a new app/**/page.tsx fails this spec until it is
// listed below), asked for by every kind of caller, with its dynamic segments filled in: the page
// itself (200 and its own heading), the sign-in page (a redirect naming where to come back), the
// "forbidden" page (403), or "not found" (404: a unit outside the person's units reads as absent).
// A refusal shows nothing of what it refuses: it is Next's empty error shell (no h1 of the page, the
// digest naming the boundary), and neither the ward's name nor any figure the page shows to those who
// may read it (`1.691`, `305.000.000`) is anywhere in its HTML or payload.
// The matrix of route handlers and server actions is tests/integration/access-matrix.test.ts.
//
// It adds accounts (an official of another ward, city staff, a district's administrator), so it runs
// with the specs whose data others would see (playwright.config.ts, "after-others").
test.setTimeout(600_000);

const ROOT = process.cwd(); // playwright runs from the repository root
const OWN = "ngoc-thuy"; // the ward of demo.phuong and demo.danguy
const OTHER = "viet-hung"; // another ward of Long Biên, no other spec's
const PASSWORD = "ma-tran-quyen-trang-2026";
// new names on each run, so that the spec also runs again against a server that is kept (E2E_BASE_URL)
const RUN = Date.now().toString(36);

type Who = "anonymous" | "official" | "committee" | "staff" | "admin" | "otherOfficial" | "cityStaff" | "districtAdmin";
const CALLERS: readonly Who[] = [
  "anonymous",
  "official",
  "committee",
  "staff",
  "admin",
  "otherOfficial",
  "cityStaff",
  "districtAdmin",
];

/**
 * page: 200 with the row's heading; sign-in: a redirect to /dang-nhap naming this address to come back
 * to; forbidden: 403 with the app's "Không có quyền truy cập"; absent: 404 "Không tìm thấy trang";
 * `→ /path`: a redirect there.
 */
type Answer = "page" | "sign-in" | "forbidden" | "absent" | `→ ${string}`;
type Row = {
  url: string;
  /** the page's own h1: its text, a pattern, or its text for each reader */
  heading: string | RegExp | ((who: Who) => string);
  expect: Record<Who, Answer>;
  /** text a refusal must not show (each also shown by at least one allowed answer of the row) */
  secrets?: readonly string[];
  /** the page shows the ward's figures: at least one is found on it (and none in a refusal) */
  figures?: true;
};

const all = (a: Answer): Record<Who, Answer> => Object.fromEntries(CALLERS.map((w) => [w, a])) as Record<Who, Answer>;
/** Signed-in people get `signedIn` unless listed; anonymous callers are sent to sign in. */
const signedIn = (a: Answer, but: Partial<Record<Who, Answer>> = {}): Record<Who, Answer> => ({
  ...all(a),
  anonymous: "sign-in",
  ...but,
});
/** Read on Ngọc Thụy: its official and committee, and everyone above it (district, city, administrator). */
const readsOwn = signedIn("page", { otherOfficial: "forbidden" });
/** Read on Việt Hưng: its official, and everyone above it; not Ngọc Thụy's people. */
const readsOther = signedIn("page", { official: "forbidden", committee: "forbidden" });
/** Read on the district (comparisons, progress): staff and administrators above the wards, no ward's people. */
const readsDistrict = signedIn("page", { official: "forbidden", committee: "forbidden", otherOfficial: "forbidden" });

// names of the wards, which a refusal must not show (Ngọc Thụy's short name is in its people's menu)
const OWN_SECRETS = ["Phường Ngọc Thụy"];
const OTHER_SECRETS = ["Việt Hưng"];
const GPMB = "Dự án giải phóng mặt bằng và danh hiệu, mô hình";

// keyed by the page's route (its folder under app/); each row one address of it
const PAGES: Record<string, Row[]> = {
  "/": [{ url: "/", heading: "Theo dõi Chương trình công tác toàn khóa", expect: signedIn("page") }],
  "/dang-nhap": [{ url: "/dang-nhap", heading: "Đăng nhập", expect: { ...all("→ /"), anonymous: "page" } }],
  "/doi-mat-khau": [{ url: "/doi-mat-khau", heading: "Đổi mật khẩu", expect: signedIn("page") }],
  "/tai-khoan": [{ url: "/tai-khoan", heading: "Tài khoản của tôi", expect: signedIn("page") }],
  "/[ward]": [
    { url: `/${OWN}`, heading: "Phường Ngọc Thụy", expect: readsOwn, secrets: OWN_SECRETS, figures: true },
    { url: `/${OTHER}`, heading: "Phường Việt Hưng", expect: readsOther, secrets: OTHER_SECRETS, figures: true },
    { url: "/khong-co-phuong-nay", heading: "", expect: signedIn("absent") },
  ],
  "/[ward]/chuong-trinh/[programme]": [
    {
      url: `/${OWN}/chuong-trinh/03-CTr-QU`,
      heading: "Chương trình 03-CTr/QU",
      expect: readsOwn,
      secrets: OWN_SECRETS,
      figures: true,
    },
    {
      url: `/${OTHER}/chuong-trinh/03-CTr-QU`,
      heading: "Chương trình 03-CTr/QU",
      expect: readsOther,
      secrets: OTHER_SECRETS,
      figures: true,
    },
  ],
  "/[ward]/gpmb": [
    { url: `/${OWN}/gpmb`, heading: GPMB, expect: readsOwn, secrets: OWN_SECRETS },
    { url: `/${OTHER}/gpmb`, heading: GPMB, expect: readsOther, secrets: OTHER_SECRETS },
  ],
  "/[ward]/ban-tom-tat": [
    { url: `/${OWN}/ban-tom-tat`, heading: /Ngọc Thụy/, expect: readsOwn, secrets: OWN_SECRETS },
    { url: `/${OTHER}/ban-tom-tat`, heading: /Việt Hưng/, expect: readsOther, secrets: OTHER_SECRETS },
    // a draft shows figures not yet approved: the ward's officials and committee only
    {
      url: `/${OWN}/ban-tom-tat?draft=1`,
      heading: /Ngọc Thụy/,
      expect: signedIn("forbidden", { official: "page", committee: "page" }),
      secrets: OWN_SECRETS,
    },
  ],
  "/[ward]/bao-cao": [
    { url: `/${OWN}/bao-cao`, heading: /Ngọc Thụy/, expect: readsOwn, secrets: OWN_SECRETS },
    { url: `/${OTHER}/bao-cao`, heading: /Việt Hưng/, expect: readsOther, secrets: OTHER_SECRETS },
    {
      url: `/${OWN}/bao-cao?draft=1`,
      heading: /Ngọc Thụy/,
      expect: signedIn("forbidden", { official: "page", committee: "page" }),
      secrets: OWN_SECRETS,
    },
  ],
  "/[ward]/to-dan-pho": [
    { url: `/${OWN}/to-dan-pho`, heading: /^Tổ dân phố · Phường Ngọc Thụy$/, expect: readsOwn, secrets: OWN_SECRETS },
  ],
  "/[ward]/to-dan-pho/[group]": [
    { url: `/${OWN}/to-dan-pho/22`, heading: /Tổ dân phố (số )?22/, expect: readsOwn, secrets: OWN_SECRETS },
  ],
  "/[ward]/nhap-lieu": [
    {
      url: `/${OWN}/nhap-lieu`,
      heading: "Nhập liệu và duyệt số liệu · Phường Ngọc Thụy",
      expect: readsOwn,
      secrets: OWN_SECRETS,
    },
    {
      url: `/${OTHER}/nhap-lieu`,
      heading: "Nhập liệu và duyệt số liệu · Phường Việt Hưng",
      expect: readsOther,
      secrets: OTHER_SECRETS,
    },
  ],
  "/[ward]/nhap-lieu/[year]/[programme]": [
    {
      url: `/${OWN}/nhap-lieu/2020/03-CTr-QU`,
      // those who may enter figures read "Nhập số liệu", the others "Số liệu"
      heading: (who) => (who === "official" ? "Nhập số liệu năm 2020" : "Số liệu năm 2020"),
      expect: readsOwn,
      secrets: OWN_SECRETS,
    },
    {
      url: `/${OTHER}/nhap-lieu/2020/03-CTr-QU`,
      heading: (who) => (who === "otherOfficial" ? "Nhập số liệu năm 2020" : "Số liệu năm 2020"),
      expect: readsOther,
      secrets: OTHER_SECRETS,
    },
  ],
  "/[ward]/nhap-lieu/[year]/[programme]/to-dan-pho": [
    {
      url: `/${OWN}/nhap-lieu/2020/03-CTr-QU/to-dan-pho`,
      heading: (who) => `${who === "official" ? "Nhập số liệu" : "Số liệu"} năm 2020 theo tổ dân phố`,
      expect: readsOwn,
      secrets: OWN_SECRETS,
    },
  ],
  // only those who enter the ward's figures
  "/[ward]/nhap-lieu/[year]/[programme]/nhap-tep": [
    {
      url: `/${OWN}/nhap-lieu/2020/03-CTr-QU/nhap-tep`,
      heading: "Nhập từ tệp · Phường Ngọc Thụy · năm 2020 · 03-CTr/QU",
      expect: signedIn("forbidden", { official: "page" }),
      secrets: OWN_SECRETS,
    },
    {
      url: `/${OTHER}/nhap-lieu/2020/03-CTr-QU/nhap-tep`,
      heading: "Nhập từ tệp · Phường Việt Hưng · năm 2020 · 03-CTr/QU",
      expect: signedIn("forbidden", { otherOfficial: "page" }),
      secrets: OTHER_SECRETS,
    },
  ],
  "/so-sanh": [
    {
      url: "/so-sanh?parent=long-bien",
      heading: "So sánh các phường của Quận Long Biên",
      expect: readsDistrict,
      secrets: OTHER_SECRETS,
    },
  ],
  "/so-sanh/phuong": [
    {
      url: `/so-sanh/phuong?ward=${OWN}`,
      heading: "Phường Ngọc Thụy so với các phường khác",
      expect: readsDistrict,
      secrets: OWN_SECRETS,
    },
  ],
  "/tien-do": [
    {
      url: "/tien-do?district=long-bien",
      heading: /^Tiến độ nhập liệu năm \d{4}$/,
      expect: readsDistrict,
      secrets: OTHER_SECRETS,
    },
  ],
  // the catalogue: district or city staff
  "/quan-tri/danh-muc": [
    {
      url: "/quan-tri/danh-muc",
      heading: "Danh mục nhiệm kỳ, chương trình và chỉ tiêu",
      expect: signedIn("forbidden", { staff: "page", cityStaff: "page" }),
    },
  ],
  "/quan-tri/chi-tieu": [
    {
      url: "/quan-tri/chi-tieu?nhiem-ky=2015-2020&chuong-trinh=03-CTr-QU",
      heading: /^Chỉ tiêu kế hoạch: 03-CTr\/QU/,
      expect: signedIn("forbidden", { staff: "page", cityStaff: "page" }),
    },
  ],
  // accounts, their log and the mail: administrators
  "/quan-tri/tai-khoan": [
    {
      url: "/quan-tri/tai-khoan",
      heading: "Quản trị tài khoản",
      expect: signedIn("forbidden", { admin: "page", districtAdmin: "page" }),
      secrets: ["demo.danguy"],
    },
  ],
  "/quan-tri/nhat-ky": [
    {
      url: "/quan-tri/nhat-ky",
      heading: "Nhật ký truy cập",
      expect: signedIn("forbidden", { admin: "page", districtAdmin: "page" }),
    },
  ],
  "/quan-tri/thu-gui": [
    {
      url: "/quan-tri/thu-gui",
      heading: "Thư gửi đi",
      expect: signedIn("forbidden", { admin: "page", districtAdmin: "page" }),
    },
  ],
  // org units: administrators, each over the units they manage (another unit reads as absent)
  "/quan-tri/don-vi": [
    {
      url: "/quan-tri/don-vi",
      heading: "Quản trị đơn vị",
      expect: signedIn("forbidden", { admin: "page", districtAdmin: "page" }),
    },
  ],
  "/quan-tri/don-vi/[slug]": [
    {
      url: "/quan-tri/don-vi/long-bien",
      heading: "Quận Long Biên",
      expect: signedIn("forbidden", { admin: "page", districtAdmin: "page" }),
    },
    {
      url: "/quan-tri/don-vi/ha-noi",
      heading: "Thành phố Hà Nội",
      expect: signedIn("forbidden", { admin: "page", districtAdmin: "absent" }),
    },
  ],
};

function pageRoutes(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : e.name === "page.tsx" ? [p] : [];
    });
  return walk(path.join(ROOT, "app"))
    .map((f) => "/" + path.relative(path.join(ROOT, "app"), path.dirname(f)).split(path.sep).join("/"))
    .map((r) => (r === "/" ? "/" : r.replace(/\/$/, "")))
    .sort();
}

const decode = (s: string) =>
  s
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
/**
 * The figures a page shows in its text, as the app writes them with a thousands separator (`1.691`,
 * `305.000.000`, `1.234,5`): specific enough that a refusal's shell never holds one by chance.
 */
const figuresShown = (html: string) =>
  new Set(
    decode(html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style[\s\S]*?<\/style>/g, "")).match(
      /(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?(?![\d.,]?\d)/g,
    ) ?? [],
  );
/** The text of the page's h1s (the site header has none). */
const headings = (html: string) => [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => decode(m[1]));

let callers: Record<Who, APIRequestContext>;
// new contexts would otherwise start from the project's storage state (the district staff's session)
const NO_SESSION = { cookies: [], origins: [] };

async function signedInContext(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({
    baseURL,
    storageState: NO_SESSION,
    extraHTTPHeaders: { Origin: baseURL },
  });
  const r = await ctx.post("/api/auth/sign-in", { form: { identifier: username, password }, maxRedirects: 0 });
  expect(r.status(), `sign-in ${username}`).toBe(303);
  expect(r.headers().location, `sign-in ${username}`).toBe("/");
  return ctx;
}

/** A new account with `role` on `unit`, its temporary password changed (as at a first sign-in). */
async function newAccount(
  admin: APIRequestContext,
  baseURL: string,
  a: { username: string; role: string; unit: string },
): Promise<APIRequestContext> {
  const temporary = "tam-thoi-ma-tran-1";
  const made = await admin.post("/api/admin/accounts", {
    data: { username: a.username, name: `Ma trận ${a.username}`, password: temporary, role: a.role, unit: a.unit },
  });
  expect(made.status(), await made.text()).toBe(200);
  const ctx = await playwrightRequest.newContext({
    baseURL,
    storageState: NO_SESSION,
    extraHTTPHeaders: { Origin: baseURL },
  });
  const first = await ctx.post("/api/auth/sign-in", {
    form: { identifier: a.username, password: temporary },
    maxRedirects: 0,
  });
  expect(first.headers().location).toBe("/doi-mat-khau");
  const changed = await ctx.post("/api/auth/password", {
    form: { currentPassword: temporary, newPassword: PASSWORD, confirmPassword: PASSWORD },
    maxRedirects: 0,
  });
  expect(changed.headers().location).toBe("/doi-mat-khau?da-doi=1");
  await ctx.dispose();
  return signedInContext(baseURL, a.username, PASSWORD);
}

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL!;
  const admin = await signedInContext(base, "demo.quantri", DEMO_PASSWORD);
  callers = {
    anonymous: await playwrightRequest.newContext({ baseURL: base, storageState: NO_SESSION }),
    official: await signedInContext(base, "demo.phuong", DEMO_PASSWORD),
    committee: await signedInContext(base, "demo.danguy", DEMO_PASSWORD),
    // the district staff's session saved by auth.setup.ts
    staff: await playwrightRequest.newContext({ baseURL: base, storageState: STORAGE_STATE }),
    admin,
    otherOfficial: await newAccount(admin, base, {
      username: `e2e.mt.canbo.${RUN}`,
      role: "WARD_OFFICIAL",
      unit: OTHER,
    }),
    cityStaff: await newAccount(admin, base, {
      username: `e2e.mt.thanhpho.${RUN}`,
      role: "DISTRICT_STAFF",
      unit: "ha-noi",
    }),
    districtAdmin: await newAccount(admin, base, {
      username: `e2e.mt.quantri.${RUN}`,
      role: "ADMINISTRATOR",
      unit: "long-bien",
    }),
  };
});

test.afterAll(async () => {
  for (const c of Object.values(callers ?? {})) await c.dispose();
});

test("every page is in the matrix, with an answer for every caller", () => {
  expect(Object.keys(PAGES).sort()).toEqual(pageRoutes());
  for (const [route, rows] of Object.entries(PAGES))
    for (const row of rows) expect(Object.keys(row.expect).sort(), `${route} ${row.url}`).toEqual([...CALLERS].sort());
});

test("in a browser, the refusals' empty shells show the app's own pages", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: NO_SESSION });
  await context.addCookies((await callers.official.storageState()).cookies);
  const page = await context.newPage();
  expect((await page.goto(`/${OTHER}`))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
  expect((await page.goto("/khong-co-phuong-nay"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  await expect(page).toHaveURL(`${baseURL}/khong-co-phuong-nay`);
  await context.close();
});

/** What `who` got, in the matrix's words, with the reason when it is not what was expected. */
async function answerOf(r: APIResponse, row: Row, who: Who): Promise<{ answer: string; html: string }> {
  const status = r.status();
  const html = status >= 300 && status < 400 ? "" : await r.text();
  if (status === 307 || status === 308 || status === 303) {
    const to = r.headers().location ?? "";
    const at = new URL(to, "http://x");
    const signIn = at.pathname === "/dang-nhap" && at.searchParams.get("next") === row.url;
    return { answer: signIn ? "sign-in" : `→ ${to}`, html };
  }
  const h1 = headings(html);
  // forbidden() and notFound() answer an empty shell that the browser fills from the payload with the
  // boundary the digest names: app/forbidden.tsx or app/not-found.tsx (seen in a browser below)
  const fallback = html.match(/NEXT_HTTP_ERROR_FALLBACK;(\d{3})/)?.[1];
  if (status === 403 && fallback === "403" && h1.length === 0) return { answer: "forbidden", html };
  if (status === 404 && fallback === "404" && h1.length === 0) return { answer: "absent", html };
  if (status === 200 && h1.length === 1) {
    const want = typeof row.heading === "function" ? row.heading(who) : row.heading;
    const ok = typeof want === "string" ? h1[0] === want : want.test(h1[0]);
    if (ok) return { answer: "page", html };
  }
  return { answer: `${status} ${JSON.stringify(h1)}`, html };
}

for (const [route, rows] of Object.entries(PAGES))
  test(`${route}: each caller gets the page, the sign-in page or a refusal that shows nothing`, async () => {
    for (const row of rows) {
      const got: Partial<Record<Who, Answer | string>> = {};
      const leaks: string[] = [];
      const shown = new Set<string>();
      const figures = new Set<string>();
      const refused: [Who, string][] = [];
      for (const who of CALLERS) {
        const r = await callers[who].get(row.url, { maxRedirects: 0 });
        const { answer, html } = await answerOf(r, row, who);
        got[who] = answer;
        if (answer === "page") for (const f of figuresShown(html)) figures.add(f);
        else refused.push([who, html]);
        for (const s of row.secrets ?? []) {
          if (answer === "page" && html.includes(s)) shown.add(s);
          if (answer !== "page" && html.includes(s)) leaks.push(`${who}: ${s}`);
        }
      }
      // the figures of the page, wherever a refusal might carry them (its HTML or its payload)
      for (const [who, html] of refused) for (const f of figures) if (html.includes(f)) leaks.push(`${who}: ${f}`);
      expect(got, row.url).toEqual(row.expect);
      expect(leaks, `${row.url}: a refusal shows what it refuses`).toEqual([]);
      if (row.figures) expect(figures.size, `${row.url}: figures on the page`).toBeGreaterThan(0);
      // the secrets are really on the page for those who may read it (else the leak check proves nothing)
      expect([...shown].sort(), row.url).toEqual([...(row.secrets ?? [])].sort());
    }
  });
