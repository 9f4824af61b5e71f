// Every entry point, discovered from the source tree (a new route handler or server action fails
// this test until it is listed below with its expected answers): no session → refused; wrong ward →
// refused; right role on the right unit → allowed; read-only role writing → refused; cross-site → refused.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ORIGIN,
  PASSWORD,
  type ReviewFixtures,
  type World,
  createReviewFixtures,
  createWorld,
  dropWorld,
  signInCookie,
} from "./auth-fixtures";
import { ENTRY_PROGRAMME, createEntryCatalogue } from "./entry-fixtures";
import { type LandClearanceFixtures, createLandClearanceFixtures, formOf } from "./land-clearance-fixtures";
import { entryImportFile, entryImportForm } from "./entry-import-fixtures";
import { request } from "./next-request";

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" ? [] : walk(p);
    return [p];
  });
}

const routeFiles = walk(path.join(ROOT, "app")).filter((f) => f.endsWith(`${path.sep}route.ts`));
const serverActionFiles = ["app", "lib", "components"]
  .flatMap((d) => walk(path.join(ROOT, d)))
  .filter((f) => /\.tsx?$/.test(f) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")));

type Who = "anonymous" | "official" | "committee" | "staff" | "admin" | "otherOfficial";
type Case = {
  /** the URL path, with the dynamic segments filled in */
  url: string;
  params: Record<string, string>;
  body?: () => BodyInit;
  contentType?: string;
  /** expected status by caller (same-origin requests) */
  expect: Partial<Record<Who, number>>;
  /** for state-changing methods: a cross-site request is refused with 403 */
  crossSite?: boolean;
};

// keyed by "METHOD /app/path"; `userId` stands for the target account of the admin routes
const form = (o: Record<string, string>) => () => new URLSearchParams(o);
const json = (o: unknown) => () => JSON.stringify(o);
let target = "";
let tokenId = 0;
let created = 0;
function cases(): Record<string, Case> {
  return {
    "GET /api/health": { url: "/api/health", params: {}, expect: { anonymous: 200 } },
    // the entry, review and land-clearance fixtures give this world a term: the programmes and values are found
    // with `unit`: the programmes that apply to that unit, for whoever may read it
    "GET /api/v1/programmes": {
      url: "/api/v1/programmes?unit=ngoc-thuy",
      params: {},
      expect: { anonymous: 401, official: 200, staff: 200, otherOfficial: 403 },
    },
    "GET /api/v1/terms": {
      url: "/api/v1/terms",
      params: {},
      expect: { anonymous: 401, official: 200, staff: 200 },
    },
    "GET /api/v1/org-units/[slug]/targets": {
      url: "/api/v1/org-units/ngoc-thuy/targets",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, staff: 200 },
    },
    "GET /api/v1/org-units/[slug]": {
      url: "/api/v1/org-units/ngoc-thuy",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, committee: 200, staff: 200 },
    },
    "GET /api/v1/org-units/[slug]/values": {
      url: "/api/v1/org-units/ngoc-thuy/values",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, staff: 200 },
    },
    // h14: the ward's documents; a draft (figures not yet approved) only for its officials and committee
    "GET /api/v1/org-units/[slug]/report": {
      url: "/api/v1/org-units/ngoc-thuy/report?term=2015-2020&format=docx&draft=1",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, committee: 200, staff: 403, admin: 403 },
    },
    // the brief's draft as the report's (its plain read is the same read scope as every route above)
    "GET /api/v1/org-units/[slug]/brief": {
      url: "/api/v1/org-units/ngoc-thuy/brief?year=2019&draft=1",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, committee: 200, staff: 403, admin: 403 },
    },
    // h11b: the unit pickers' search (the children of a unit the caller may read)
    "GET /api/v1/org-units/[slug]/children": {
      url: "/api/v1/org-units/ngoc-thuy/children?q=to",
      params: { slug: "ngoc-thuy" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, committee: 200, staff: 200 },
    },
    // h11: the /so-sanh unit picker's search (the units the caller may read whose children compare)
    "GET /api/v1/compare/parents": {
      url: "/api/v1/compare/parents?q=long",
      params: {},
      expect: { anonymous: 401, official: 200, otherOfficial: 200, committee: 200, staff: 200 },
    },
    // h11b: the whole ranking of /so-sanh as CSV (read on the unit whose children are compared)
    "GET /so-sanh/csv": {
      url: "/so-sanh/csv?parent=long-bien",
      params: {},
      expect: { anonymous: 401, official: 403, otherOfficial: 403, staff: 200 },
    },
    "POST /api/auth/sign-in": {
      url: "/api/auth/sign-in",
      params: {},
      body: form({ identifier: "khong.ai", password: "khong-dung-dau-nhe" }),
      contentType: "application/x-www-form-urlencoded",
      expect: { anonymous: 303 },
      crossSite: true,
    },
    "POST /api/auth/sign-out": {
      url: "/api/auth/sign-out",
      params: {},
      expect: { anonymous: 303, official: 303 },
      crossSite: true,
    },
    "POST /api/auth/password": {
      url: "/api/auth/password",
      params: {},
      body: form({
        currentPassword: "sai-mat-khau-roi",
        newPassword: "mot-mat-khau-moi-dai",
        confirmPassword: "mot-mat-khau-moi-dai",
      }),
      contentType: "application/x-www-form-urlencoded",
      expect: { anonymous: 303, official: 303 },
      crossSite: true,
    },
    "POST /api/admin/accounts/[id]/password": {
      url: `/api/admin/accounts/${target}/password`,
      params: { id: target },
      body: json({ password: "dat-lai-mat-khau-2026" }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, otherOfficial: 403, admin: 200 },
      crossSite: true,
    },
    "POST /api/admin/accounts": {
      url: "/api/admin/accounts",
      params: {},
      // a new name each call, so that the allowed call really creates an account
      body: () =>
        JSON.stringify({
          username: `moi.${++created}`,
          name: "Mới",
          password: "mat-khau-tam-thoi-9",
          role: "WARD_OFFICIAL",
          unit: "bo-de",
        }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
    "POST /api/admin/accounts/[id]/roles": {
      url: `/api/admin/accounts/${target}/roles`,
      params: { id: target },
      body: json({ op: "grant", role: "WARD_PARTY_COMMITTEE", unit: "bo-de" }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
    "POST /api/admin/api-tokens": {
      url: "/api/admin/api-tokens",
      params: {},
      body: json({ name: "thử", unit: "ngoc-thuy" }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 201 },
      crossSite: true,
    },
    "POST /api/admin/api-tokens/[id]/revoke": {
      url: `/api/admin/api-tokens/${tokenId}/revoke`,
      params: { id: String(tokenId) },
      expect: { anonymous: 401, official: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
    // entry import (Excel/CSV): export of the grid
    "GET /api/entry/[ward]/[year]/[programme]/export": {
      url: "/api/entry/ngoc-thuy/2020/03-CTr-QU/export?format=xlsx",
      params: { ward: "ngoc-thuy", year: "2020", programme: "03-CTr-QU" },
      expect: { anonymous: 401, otherOfficial: 403, official: 200, committee: 200, staff: 200, admin: 200 },
    },
    "POST /api/admin/accounts/[id]/disabled": {
      url: `/api/admin/accounts/${target}/disabled`,
      params: { id: target },
      body: json({ disabled: false }),
      contentType: "application/json",
      expect: { anonymous: 401, official: 403, committee: 403, staff: 403, admin: 200 },
      crossSite: true,
    },
  };
}

// Server actions read the request through next/headers; here each call gets the headers of the
// caller under test. Cache revalidation needs Next's request store, which a test does not have.
type ActionOutcome = "ok" | "unauthenticated" | "forbidden" | "invalid" | "conflict" | "locked" | "not-found";
type ActionCase = {
  /** the action's arguments (a fresh FormData each call: actions may consume it) */
  args: () => unknown[];
  /** expected outcome by caller: `ok` or the failure code */
  expect: Partial<Record<Who, ActionOutcome>>;
};

// Exported server actions ("use server" files), keyed "file#export" (file relative to the repo root).
// Every one must be listed; each is called as every caller listed and cross-site.
const SERVER_ACTIONS: Record<string, ActionCase> = {
  // --- yearly entry form (lib/actions/entry.ts); the programme comes from entry-fixtures.ts ---
  "lib/actions/entry.ts#saveEntry": {
    args: () => {
      const form = new FormData();
      const rows = [
        { indicator: "tien-xu-phat", unit: "ngoc-thuy", raw: "1.000.000", qualifier: "EXACT", baseVersion: 0 },
      ];
      form.set("ward", "ngoc-thuy");
      form.set("payload", JSON.stringify({ ward: "ngoc-thuy", year: 2016, programme: ENTRY_PROGRAMME, rows }));
      return [null, form];
    },
    expect: {
      anonymous: "unauthenticated",
      otherOfficial: "forbidden",
      committee: "forbidden",
      staff: "forbidden",
      admin: "forbidden",
      official: "ok",
    },
  },
  "lib/actions/entry.ts#confirmPublished": {
    args: () => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        ward: "ngoc-thuy",
        year: "2016",
        programme: ENTRY_PROGRAMME,
        page: "ward",
      }))
        form.set(k, v);
      return [null, form];
    },
    expect: {
      anonymous: "unauthenticated",
      otherOfficial: "forbidden",
      committee: "forbidden",
      staff: "forbidden",
      admin: "forbidden",
      official: "ok",
    },
  },
  "lib/actions/entry.ts#loadValueHistory": {
    args: () => ["ngoc-thuy", 2016, ENTRY_PROGRAMME, "ngoc-thuy", "tien-xu-phat"],
    expect: {
      anonymous: "unauthenticated",
      otherOfficial: "forbidden",
      official: "ok",
      committee: "ok",
      staff: "ok",
      admin: "ok",
    },
  },
  ...reviewActions(),
  ...figureCommentActions(),
  ...unlockRequestActions(),
  ...landClearanceActions(),
  ...orgUnitActions(),
  ...catalogueActions(),
  // entry import (Excel/CSV): an unedited export, so the allowed apply finds nothing to change
  "lib/actions/entry-import.ts#previewEntryImport": {
    args: () => [undefined, entryImportForm(entryFile)],
    expect: {
      anonymous: "unauthenticated",
      otherOfficial: "forbidden",
      official: "ok",
      committee: "forbidden",
      staff: "forbidden",
    },
  },
  "lib/actions/entry-import.ts#applyEntryImport": {
    args: () => [undefined, entryImportForm(entryFile, EMPTY_FINGERPRINT)],
    expect: {
      anonymous: "unauthenticated",
      otherOfficial: "forbidden",
      official: "ok",
      committee: "forbidden",
      staff: "forbidden",
    },
  }, // --- e-mail (lib/actions/mail.ts): one's own choices; administrators send a given-up mail again ---
  "lib/actions/mail.ts#saveMailChoices": {
    args: () => [null, formOf({ SUBMISSION_SENT: "on", DEADLINE_REMINDER: "on" })],
    expect: { anonymous: "unauthenticated", official: "ok", committee: "ok", staff: "ok", admin: "ok" },
  },
  "lib/actions/mail.ts#retryMail": {
    // no such mail: the administrator is let through to the lookup, nobody else is
    args: () => [null, formOf({ id: "999999" })],
    expect: {
      anonymous: "unauthenticated",
      official: "forbidden",
      committee: "forbidden",
      staff: "forbidden",
      admin: "not-found",
    },
  },
};
let entryFile = new Uint8Array();
// sha-256 of "[]" (no changes), as the preview of an unedited export answers
const EMPTY_FINGERPRINT = "4f53cda18c2baa0c0354bb5f9a3ecbe5";

let world: World;
beforeAll(async () => {
  world = await createWorld();
  await prepareReview(world);
  await prepareFigureQuestion(world);
  // the account the administrator routes act on (reset, disable): nobody else
  const { createAccount } = await import("@/lib/auth/accounts");
  target = (
    await createAccount(world.database.prisma, {
      username: "muc.tieu",
      name: "Mục tiêu",
      password: "mat-khau-muc-tieu-1",
    })
  ).id;
  const { issueApiToken } = await import("@/lib/auth/api-token");
  tokenId = (await issueApiToken({ name: "thu hồi", orgUnitId: world.units.boDe, createdById: world.users.admin.id }))
    .id;
  // the yearly entry actions need a programme with indicators
  await createEntryCatalogue(world);
  await prepareUnlockRequest(world);
  gpmb = await createLandClearanceFixtures(world);
  await createOrgUnitMatrixUnits(world);
  // the entry import uploads an unedited export of that programme's 2020 grid
  entryFile = await entryImportFile();
  await prepareCatalogue(world);
}, 120_000);
afterAll(() => dropWorld(world));

// --- catalogue actions (lib/actions/catalogue.ts): district staff manage the programmes their district
// issued; each allowed call really acts (an empty term of past years, so that the latest term stays) ---
const catalogue = {
  indicator: 0,
  moved: 0,
  movedVersion: 1,
  spare: 0,
  emptyProgramme: 0,
  targetCell: "",
  // a programme built from scratch: edited, given a section and an indicator; its two sections renamed, moved
  built: 0,
  builtSections: [0, 0],
};
function catalogueActions(): Record<string, ActionCase> {
  const staffOnly = {
    anonymous: "unauthenticated",
    otherOfficial: "forbidden",
    official: "forbidden",
    committee: "forbidden",
    admin: "forbidden",
    staff: "ok",
  } as const;
  const ref =
    (id: number, version = 1, more: Record<string, string> = {}) =>
    () => [null, reviewForm({ unit: "long-bien", id: String(id), version: String(version), ...more })];
  return {
    "lib/actions/catalogue.ts#createTermAction": {
      args: () => [null, reviewForm({ unit: "long-bien", startYear: "2005", endYear: "2010" })],
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#saveIndicator": {
      args: () =>
        ref(catalogue.indicator, 1, {
          name: "Chỉ tiêu review-a (đổi tên)",
          unitLabel: "lượt",
          valueType: "COUNT",
          aggregation: "SUM",
          direction: "HIGHER_IS_BETTER",
          collectionLevel: "WARD",
        })(),
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#moveIndicatorAction": {
      args: () => ref(catalogue.moved, catalogue.movedVersion, { direction: "up" })(),
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#deleteIndicatorAction": { args: () => ref(catalogue.spare)(), expect: staffOnly },
    "lib/actions/catalogue.ts#deleteProgrammeAction": {
      args: () => ref(catalogue.emptyProgramme)(),
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#createProgrammeAction": {
      args: () => [
        null,
        reviewForm({ unit: "long-bien", term: "2015-2020", code: "10-CTr/QU", number: "10", title: "Mới" }),
      ],
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#updateProgrammeAction": {
      args: () => ref(catalogue.built, 1, { code: "11-CTr/QU", number: "11", title: "Đã sửa" })(),
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#createSectionAction": {
      args: () => [
        null,
        reviewForm({ unit: "long-bien", programme: String(catalogue.built), code: "muc-moi", name: "Mục mới" }),
      ],
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#renameSectionAction": {
      args: () => ref(catalogue.builtSections[0], 1, { name: "Mục đổi tên" })(),
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#moveSectionAction": {
      args: () => ref(catalogue.builtSections[1], 1, { direction: "up" })(),
      expect: staffOnly,
    },
    "lib/actions/catalogue.ts#createIndicatorAction": {
      args: () => [
        null,
        reviewForm({
          unit: "long-bien",
          section: String(catalogue.builtSections[0]),
          code: "chi-tieu-moi",
          name: "Chỉ tiêu mới",
          unitLabel: "lượt",
          valueType: "COUNT",
          aggregation: "SUM",
          direction: "HIGHER_IS_BETTER",
          collectionLevel: "WARD",
        }),
      ],
      expect: staffOnly,
    },
    // targets of the entry programme: a grid cell, and a file whose only row changes nothing
    "lib/actions/targets.ts#saveTargetGridAction": {
      args: () => [null, reviewForm({ ...targetWhere, [`c:${catalogue.targetCell}`]: "≥ 40" })],
      expect: staffOnly,
    },
    "lib/actions/targets.ts#previewTargetImport": {
      args: () => [null, targetFileForm("")],
      expect: staffOnly,
    },
    "lib/actions/targets.ts#applyTargetImport": {
      args: () => [null, targetFileForm(TARGET_FINGERPRINT)],
      expect: staffOnly,
    },
  };
}
const targetWhere = {
  unit: "long-bien",
  term: "2015-2020",
  programme: ENTRY_PROGRAMME,
  sourceTitle: "Nghị quyết thử",
  sourceDate: "",
};
// the fingerprint of no change under that document, as the preview of targetFileForm's file answers
const TARGET_FINGERPRINT = createHash("sha256")
  .update(JSON.stringify({ changes: [], document: { title: "Nghị quyết thử", issuedOn: null } }))
  .digest("hex")
  .slice(0, 32);
function targetFileForm(fingerprint: string) {
  const f = reviewForm({ ...targetWhere, fingerprint });
  f.set("file", new File(["Mã chỉ tiêu;Năm;Phường;Chỉ tiêu\r\nvi-pham;2017;;\r\n"], "chi-tieu.csv"));
  return f;
}
async function prepareCatalogue(w: World) {
  const { prisma } = w.database;
  catalogue.indicator = review.indicators.a;
  const entry = await prisma.indicator.findFirstOrThrow({
    where: { code: "vi-pham", programme: { slug: ENTRY_PROGRAMME } },
    select: { id: true, programme: { select: { termId: true } } },
  });
  const year = await prisma.period.findFirstOrThrow({ where: { termId: entry.programme.termId, year: 2016 } });
  catalogue.targetCell = `${entry.id}:${year.id}:`;
  const moved = await prisma.indicator.findUniqueOrThrow({ where: { id: review.indicators.group } });
  catalogue.moved = moved.id;
  catalogue.movedVersion = moved.version;
  const section = await prisma.indicatorSection.findFirstOrThrow({ where: { programmeId: review.programmeId } });
  catalogue.spare = (
    await prisma.indicator.create({
      data: {
        programmeId: review.programmeId,
        sectionId: section.id,
        code: "du-phong",
        name: "Dự phòng",
        unit: "lượt",
        valueType: "COUNT",
        aggregation: "SUM",
        direction: "NEUTRAL",
        sortOrder: 999,
      },
    })
  ).id;
  const built = await prisma.programme.create({
    data: {
      termId: review.termId,
      issuerId: w.units.district,
      number: 12,
      code: "12-CTr/QU",
      slug: "12-CTr-QU",
      title: "Chương trình dựng mới",
      summary: "",
      sections: {
        create: [
          { code: "mot", name: "Một", sortOrder: 1 },
          { code: "hai", name: "Hai", sortOrder: 2 },
        ],
      },
    },
    select: { id: true, sections: { orderBy: { sortOrder: "asc" }, select: { id: true } } },
  });
  catalogue.built = built.id;
  catalogue.builtSections = built.sections.map((x) => x.id);
  catalogue.emptyProgramme = (
    await prisma.programme.create({
      data: {
        termId: review.termId,
        issuerId: w.units.district,
        number: 9,
        code: "09-CTr/QU",
        slug: "09-CTr-QU",
        title: "Chương trình trống",
        summary: "Thử",
      },
    })
  ).id;
}

// --- review actions (lib/actions/review.ts) ---------------------------------------------------
// Each transition acts on its own year of Ngọc Thụy, prepared in the state it needs; the allowed
// caller (listed last) moves it on, so every later call is refused before any state is read.
let review: ReviewFixtures;
const reviewForm = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};
function reviewActions(): Record<string, ActionCase> {
  const transition =
    (year: number, comment = "") =>
    () => [
      null,
      reviewForm({ ward: "ngoc-thuy", year: String(year), programme: review.programmeSlug, version: "1", comment }),
    ];
  const refused = { anonymous: "unauthenticated", otherOfficial: "forbidden" } as const;
  return {
    "lib/actions/review.ts#submitForReview": {
      args: transition(2016),
      expect: { ...refused, committee: "forbidden", staff: "forbidden", official: "ok" },
    },
    "lib/actions/review.ts#returnSubmission": {
      args: transition(2017, "Cần sửa"),
      expect: { ...refused, official: "forbidden", staff: "forbidden", committee: "ok" },
    },
    "lib/actions/review.ts#approveSubmission": {
      args: transition(2018),
      expect: { ...refused, official: "forbidden", staff: "forbidden", committee: "ok" },
    },
    "lib/actions/review.ts#unlockSubmission": {
      args: transition(2019, "Sửa lại"),
      expect: { ...refused, official: "forbidden", committee: "forbidden", staff: "ok" },
    },
    "lib/actions/review.ts#saveSelfApprovalSetting": {
      args: () => [null, reviewForm({ unit: "long-bien", allowSelfApproval: "refuse" })],
      expect: { ...refused, official: "forbidden", committee: "forbidden", staff: "ok", admin: "ok" },
    },
    "lib/actions/review.ts#saveDeadline": {
      args: () => [null, reviewForm({ district: "long-bien", year: "2016", dueOn: "2017-03-31", version: "0" })],
      expect: { ...refused, official: "forbidden", committee: "forbidden", admin: "forbidden", staff: "ok" },
    },
  };
}
// --- questions on a figure (lib/actions/figure-comments.ts): on 2017, sent, with one question ---
let figureQuestion = 0;
function figureCommentActions(): Record<string, ActionCase> {
  const refused = { anonymous: "unauthenticated", otherOfficial: "forbidden", staff: "forbidden" } as const;
  const fields = () => ({ ward: "ngoc-thuy", year: "2017", programme: review.programmeSlug });
  return {
    "lib/actions/figure-comments.ts#askFigureQuestion": {
      args: () => [null, reviewForm({ ...fields(), indicator: "review-a", unit: "ngoc-thuy", body: "Vì sao?" })],
      expect: { ...refused, official: "forbidden", admin: "forbidden", committee: "ok" },
    },
    "lib/actions/figure-comments.ts#answerFigureComment": {
      args: () => [null, reviewForm({ ...fields(), question: String(figureQuestion), body: "Vì thế." })],
      expect: { ...refused, committee: "forbidden", admin: "forbidden", official: "ok" },
    },
  };
}
async function prepareFigureQuestion(w: World) {
  const submission = await w.database.prisma.submission.findFirstOrThrow({
    where: { orgUnitId: w.units.ngocThuy, periodId: review.periods[2017], programmeId: review.programmeId },
  });
  figureQuestion = (
    await w.database.prisma.figureComment.create({
      data: {
        submissionId: submission.id,
        indicatorId: review.indicators.a,
        orgUnitId: w.units.ngocThuy,
        body: "Câu hỏi có sẵn",
        authorId: w.users.committee.id,
        authorName: "Đảng ủy",
      },
    })
  ).id;
}
// --- unlock requests (lib/actions/unlock-requests.ts): on 2015, approved; the review programme's with
// one request open (refused by staff), the entry programme's with none (asked by the ward's official)
let unlockRequestId = 0;
function unlockRequestActions(): Record<string, ActionCase> {
  const refused = { anonymous: "unauthenticated", otherOfficial: "forbidden" } as const;
  const fields = (programme: string) => ({ ward: "ngoc-thuy", year: "2015", programme });
  return {
    "lib/actions/unlock-requests.ts#refuseUnlockAction": {
      args: () => [
        null,
        reviewForm({ ...fields(review.programmeSlug), request: String(unlockRequestId), comment: "Không cần" }),
      ],
      expect: { ...refused, official: "forbidden", committee: "forbidden", admin: "forbidden", staff: "ok" },
    },
    "lib/actions/unlock-requests.ts#requestUnlockAction": {
      args: () => [null, reviewForm({ ...fields(ENTRY_PROGRAMME), reason: "Nhập nhầm" })],
      expect: { ...refused, committee: "forbidden", staff: "forbidden", admin: "forbidden", official: "ok" },
    },
    "lib/actions/unlock-requests.ts#markRefusalSeenAction": {
      args: () => [null, reviewForm({ ...fields(ENTRY_PROGRAMME), request: String(refusedRequestId) })],
      expect: { ...refused, committee: "forbidden", staff: "forbidden", admin: "forbidden", official: "ok" },
    },
  };
}
let refusedRequestId = 0;
async function prepareUnlockRequest(w: World) {
  const { prisma } = w.database;
  const approved = (programmeId: number) =>
    prisma.submission.create({
      data: { orgUnitId: w.units.ngocThuy, periodId: review.periods[2015], programmeId, status: "APPROVED" },
    });
  const withRequest = await approved(review.programmeId);
  const entry = await approved((await prisma.programme.findFirstOrThrow({ where: { slug: ENTRY_PROGRAMME } })).id);
  refusedRequestId = (
    await prisma.unlockRequest.create({
      data: {
        submissionId: entry.id,
        reason: "Xin sửa",
        requestedById: w.users.official.id,
        requestedByName: "x",
        status: "REFUSED",
        decidedById: w.users.staff.id,
        decidedByName: "y",
        decidedAt: new Date(),
        decisionComment: "Không cần",
      },
    })
  ).id;
  unlockRequestId = (
    await prisma.unlockRequest.create({
      data: {
        submissionId: withRequest.id,
        reason: "Xin sửa",
        requestedById: w.users.official.id,
        requestedByName: "x",
      },
    })
  ).id;
}
async function prepareReview(w: World) {
  review = await createReviewFixtures(w);
  const at = (year: number, status: "SUBMITTED" | "APPROVED") =>
    w.database.prisma.submission.create({
      data: { orgUnitId: w.units.ngocThuy, periodId: review.periods[year], programmeId: review.programmeId, status },
    });
  await at(2017, "SUBMITTED");
  await at(2018, "SUBMITTED");
  await at(2019, "APPROVED");
}

function entryPoints(): { key: string; file: string; method: string }[] {
  return routeFiles.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    return METHODS.filter((m) => new RegExp(`export (async )?function ${m}\\b|export const ${m}\\b`).test(source)).map(
      (method) => ({
        key: `${method} ${route}`,
        file,
        method,
      }),
    );
  });
}

describe("access matrix", () => {
  it("knows every route handler and every server action", () => {
    const found = entryPoints()
      .map((e) => e.key)
      .sort();
    expect(found.length).toBeGreaterThan(5);
    expect(found).toEqual(Object.keys(cases()).sort());
    const actions = serverActionFiles.map((f) => path.relative(ROOT, f));
    expect(actions.filter((f) => !Object.keys(SERVER_ACTIONS).some((k) => k.startsWith(f + "#")))).toEqual([]);
  });

  it("knows every exported server action and answers each caller as listed", async () => {
    const failures: string[] = [];
    const listed = new Set(Object.keys(SERVER_ACTIONS));
    for (const file of serverActionFiles) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        const key = `${path.relative(ROOT, file)}#${name}`;
        const c = SERVER_ACTIONS[key];
        if (!c) {
          failures.push(`${key} is not listed`);
          continue;
        }
        listed.delete(key);
        const call = async (who: Who, origin: string | null): Promise<string> => {
          request.headers = new Headers({ host: "ctk.test", "x-forwarded-for": "198.51.100.7" });
          if (origin !== null) request.headers.set("origin", origin);
          if (who !== "anonymous") request.headers.set("cookie", await signInCookie(world.users[who].username));
          const result = (await (fn as (...a: unknown[]) => Promise<{ ok: boolean; code?: string }>)(...c.args())) ?? {
            ok: false,
          };
          return result.ok ? "ok" : (result.code ?? "error");
        };
        for (const [who, outcome] of Object.entries(c.expect) as [Who, ActionOutcome][]) {
          const got = await call(who, ORIGIN);
          if (got !== outcome) failures.push(`${key} as ${who}: ${got}, expected ${outcome}`);
        }
        expect(c.expect.anonymous, `${key}: list the anonymous caller`).toBe("unauthenticated");
        const allowed =
          (Object.keys(c.expect) as Who[]).find(
            (w) => c.expect[w] !== "unauthenticated" && c.expect[w] !== "forbidden",
          ) ?? "official";
        for (const origin of ["https://evil.example", "null", ""]) {
          const got = await call(allowed, origin || null);
          if (got !== "forbidden")
            failures.push(`${key} as ${allowed} with Origin "${origin || "(none)"}": ${got}, expected forbidden`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...listed], "listed actions that no longer exist").toEqual([]);
  }, 120_000);

  it("answers each caller as listed", async () => {
    const table = cases();
    const failures: string[] = [];
    for (const { key, file, method } of entryPoints()) {
      const c = table[key];
      const mod = (await import(/* @vite-ignore */ file)) as Record<
        string,
        (r: Request, ctx: unknown) => Promise<Response>
      >;
      const send = async (who: Who, origin: string | null) => {
        const headers = new Headers({ host: "ctk.test", "x-forwarded-for": "198.51.100.7" });
        if (origin !== null) headers.set("origin", origin);
        if (c.contentType) headers.set("content-type", c.contentType);
        // a fresh session each time: sign-out and password routes end the sessions they are given
        if (who !== "anonymous") headers.set("cookie", await signInCookie(world.users[who].username));
        const request = new Request(`${ORIGIN}${c.url}`, {
          method,
          headers,
          body: method === "GET" ? undefined : (c.body?.() ?? null),
        });
        return (await mod[method](request, { params: Promise.resolve(c.params) })).status;
      };
      for (const [who, status] of Object.entries(c.expect) as [Who, number][]) {
        const got = await send(who, method === "GET" ? null : ORIGIN);
        if (got !== status) failures.push(`${key} as ${who}: ${got}, expected ${status}`);
      }
      if (method !== "GET") {
        expect(c.crossSite, `${key} changes state: it must refuse cross-site requests`).toBe(true);
        for (const origin of ["https://evil.example", "null", ""]) {
          const got = await send(
            c.expect.admin ? "admin" : c.expect.official ? "official" : "anonymous",
            origin || null,
          );
          if (got !== 403) failures.push(`${key} with Origin "${origin || "(none)"}": ${got}, expected 403`);
        }
      }
    }
    expect(failures).toEqual([]);
    // the allowed calls did their work, the refused ones none
    const { prisma } = world.database;
    expect(await prisma.user.count({ where: { username: { startsWith: "moi." } } })).toBe(1);
    expect(await prisma.roleAssignment.count({ where: { userId: target, role: "WARD_PARTY_COMMITTEE" } })).toBe(1);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).not.toBeNull();
    expect(await prisma.apiToken.count({ where: { name: "thử" } })).toBe(1);
  }, 120_000);
});

// --- Land-clearance projects, their progress and achievements (lib/actions/land-clearance.ts, achievements.ts) ---
// Only the ward's official may write; each allowed call really writes (checked in land-clearance.test.ts).
let gpmb: LandClearanceFixtures;
function landClearanceActions(): Record<string, ActionCase> {
  const wardOfficialOnly = {
    anonymous: "unauthenticated",
    otherOfficial: "forbidden",
    official: "ok",
    committee: "forbidden",
    staff: "forbidden",
    admin: "forbidden",
  } as const;
  const ward = "ngoc-thuy";
  return {
    "lib/actions/land-clearance.ts#saveLandClearanceProject": {
      args: () => [
        null,
        formOf({ ward, term: "2015-2020", version: 0, name: "Dự án mới (ma trận)", status: "PLANNED" }),
      ],
      expect: wardOfficialOnly,
    },
    "lib/actions/land-clearance.ts#deleteLandClearanceProject": {
      args: () => [null, formOf({ ward, id: gpmb.projectToDelete, version: 1 })],
      expect: wardOfficialOnly,
    },
    "lib/actions/land-clearance.ts#saveLandClearanceProgress": {
      args: () => [null, formOf({ ward, projectId: gpmb.project, year: 2018, version: 0, householdsHandedOver: "3" })],
      expect: wardOfficialOnly,
    },
    "lib/actions/land-clearance.ts#deleteLandClearanceProgress": {
      args: () => [null, formOf({ ward, id: gpmb.progressToDelete, version: 1 })],
      expect: wardOfficialOnly,
    },
    "lib/actions/achievements.ts#saveAchievement": {
      args: () => [
        null,
        formOf({
          ward,
          term: "2015-2020",
          version: 0,
          kind: "OTHER",
          status: "ACHIEVED",
          title: "Danh hiệu mới (ma trận)",
        }),
      ],
      expect: wardOfficialOnly,
    },
    "lib/actions/achievements.ts#deleteAchievement": {
      args: () => [null, formOf({ ward, id: gpmb.achievementToDelete, version: 1 })],
      expect: wardOfficialOnly,
    },
    // h14: a paragraph of the ward's report; a new year each call, so the allowed call really saves
    "lib/actions/report-paragraphs.ts#saveParagraph": {
      args: () => [
        null,
        formOf({
          ward,
          term: "2015-2020",
          year: 2015 + (++paragraphCalls % 4),
          kind: "LESSONS",
          text: "Bài học",
          version: 0,
        }),
      ],
      expect: wardOfficialOnly,
    },
  };
}
let paragraphCalls = 0;

// --- Org units (lib/actions/org-units.ts): only an administrator of the unit acted on -----------
// The administrator holds the role on Long Biên; the rows act on wards of their own (mt-1 … mt-4,
// made in beforeAll), so that the allowed calls really write without touching the other rows'
// units (org-units.test.ts checks what they write). A city at the top needs the role on a unit at
// the top: org-units.test.ts.
async function createOrgUnitMatrixUnits(w: World) {
  for (const n of [1, 2, 3, 4, 5, 6])
    await w.database.prisma.orgUnit.create({
      data: {
        slug: `mt-${n}`,
        name: `Phường Ma Trận ${n}`,
        shortName: `Ma Trận ${n}`,
        level: "WARD",
        parentId: w.units.district,
        validFrom: new Date("2015-01-01"),
      },
    });
  // a residential group of mt-5, which the move row puts under mt-6
  await w.database.prisma.orgUnit.create({
    data: {
      slug: "mt-5-to-1",
      name: "Tổ dân phố Ma Trận 1",
      shortName: "Tổ 1",
      level: "RESIDENTIAL_GROUP",
      parent: { connect: { slug: "mt-5" } },
      validFrom: new Date("2015-01-01"),
    },
  });
}
function orgUnitActions(): Record<string, ActionCase> {
  const adminOnly = {
    anonymous: "unauthenticated",
    official: "forbidden",
    committee: "forbidden",
    staff: "forbidden",
    otherOfficial: "forbidden",
    admin: "ok",
  } as const;
  const f = (o: Record<string, string>) => () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(o)) form.set(k, v);
    return [null, form];
  };
  const newUnit = { name: "Phường Ma Trận Mới", shortName: "Ma Trận Mới", validFrom: "2015-01-01" };
  return {
    "lib/actions/org-units.ts#createOrgUnitAction": {
      args: f({ parent: "long-bien", level: "WARD", slug: "mt-moi", ...newUnit }),
      expect: adminOnly,
    },
    "lib/actions/org-units.ts#renameOrgUnitAction": {
      args: f({
        unit: "mt-1",
        version: "1",
        name: "Phường Ma Trận Một",
        shortName: "Ma Trận Một",
        effectiveOn: "2016-01-01",
      }),
      expect: adminOnly,
    },
    "lib/actions/org-units.ts#retireOrgUnitAction": {
      args: f({ unit: "mt-3", version: "1", lastDay: "2020-12-31" }),
      expect: adminOnly,
    },
    "lib/actions/org-units.ts#saveOrgUnitYearAction": {
      args: f({ unit: "mt-2", year: "2018", version: "0", population: "1.000", households: "" }),
      expect: adminOnly,
    },
    "lib/actions/org-units.ts#mergeOrgUnitsAction": {
      args: f({
        parent: "long-bien",
        predecessors: "mt-1,mt-2",
        slug: "mt-gop",
        name: "Phường Ma Trận Gộp",
        shortName: "Ma Trận Gộp",
        effectiveOn: "2019-01-01",
        carryRoles: "on",
        note: "",
      }),
      expect: adminOnly,
    },
    "lib/actions/org-units.ts#moveOrgUnitAction": {
      args: f({ unit: "mt-5-to-1", version: "1", parent: "mt-6", effectiveOn: "2021-01-01" }),
      expect: adminOnly,
    },
    "lib/actions/org-units.ts#splitOrgUnitAction": {
      args: f({
        unit: "mt-4",
        effectiveOn: "2019-01-01",
        carryRoles: "",
        note: "",
        slug1: "mt-tach-a",
        name1: "Phường Ma Trận Tách A",
        shortName1: "Tách A",
        share1: "0,5",
        slug2: "mt-tach-b",
        name2: "Phường Ma Trận Tách B",
        shortName2: "Tách B",
        share2: "0,5",
      }),
      expect: adminOnly,
    },
  };
}

// --- Repeated fields, people with several roles on different units, the public portal ----------
// A check that read one copy of a repeated field and a write that used another let a person act
// on a unit where they hold no such right. Every form is parsed once: a repeated field is refused,
// and the target is found only among the units where the person holds the action itself.
const cookieOf = new Map<string, string>();
async function as(username: string): Promise<void> {
  if (!cookieOf.has(username)) cookieOf.set(username, await signInCookie(username));
  request.headers = new Headers({
    host: "ctk.test",
    origin: ORIGIN,
    "x-forwarded-for": "198.51.100.7",
    cookie: cookieOf.get(username)!,
  });
}
type Answer = { ok: boolean; code?: string; message?: string };
/** A FormData with `fields` in order; an array value sends the field once per element. */
const formWith = (fields: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of fields) f.append(k, v);
  return f;
};

describe("repeated fields", () => {
  it("every server action refuses a form that repeats any field, even with the same value, before acting", async () => {
    const failures: string[] = [];
    for (const [key, c] of Object.entries(SERVER_ACTIONS)) {
      const [file, name] = key.split("#");
      const fn = (
        (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (...a: unknown[]) => Promise<Answer>>
      )[name];
      const allowed = (Object.keys(c.expect) as Who[]).find(
        (w) => c.expect[w] !== "unauthenticated" && c.expect[w] !== "forbidden",
      ) as Exclude<Who, "anonymous">;
      const sample = c.args();
      const formIndex = sample.findIndex((a) => a instanceof FormData);
      if (formIndex < 0) continue; // plain arguments (loadValueHistory): nothing can repeat
      for (const field of new Set([...(sample[formIndex] as FormData).keys()])) {
        const args = c.args();
        const form = args[formIndex] as FormData;
        form.append(field, form.get(field)!);
        await as(world.users[allowed].username);
        const got = await fn(...args);
        if (got.ok || got.code !== "invalid" || !got.message?.includes(`“${field}”`))
          failures.push(`${key} with “${field}” twice: ${JSON.stringify(got)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("route handlers refuse a repeated form field or query parameter", async () => {
    const { prisma } = world.database;
    const send = async (
      file: string,
      url: string,
      params: Record<string, string>,
      body: string | null,
      who?: Exclude<Who, "anonymous">,
    ) => {
      const headers = new Headers({ host: "ctk.test", origin: ORIGIN, "x-forwarded-for": "198.51.100.7" });
      if (body !== null) headers.set("content-type", "application/x-www-form-urlencoded");
      if (who) headers.set("cookie", await signInCookie(world.users[who].username));
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, "app", file))) as Record<
        string,
        (r: Request, ctx: unknown) => Promise<Response>
      >;
      const method = body === null ? "GET" : "POST";
      return mod[method](new Request(`${ORIGIN}${url}`, { method, headers, body }), {
        params: Promise.resolve(params),
      });
    };
    const refusedForm = (res: Response) => decodeURIComponent(res.headers.get("location") ?? "");

    // a role granted on the first unit named, the check made on … whichever: refused outright
    const roles = await send(
      "api/admin/accounts/[id]/roles/route.ts",
      `/api/admin/accounts/${target}/roles`,
      { id: target },
      "op=grant&role=WARD_OFFICIAL&unit=ngoc-thuy&unit=bo-de",
      "admin",
    );
    expect(roles.status).toBe(303);
    expect(refusedForm(roles)).toContain("loi=Yêu cầu gửi trường “unit” nhiều lần");
    expect(await prisma.roleAssignment.count({ where: { userId: target, role: "WARD_OFFICIAL" } })).toBe(0);

    const token = await send(
      "api/admin/api-tokens/route.ts",
      "/api/admin/api-tokens",
      {},
      "name=hai&unit=ngoc-thuy&unit=long-bien",
      "admin",
    );
    expect(refusedForm(token)).toContain("“unit”");
    expect(await prisma.apiToken.count({ where: { name: "hai" } })).toBe(0);

    const account = await send(
      "api/admin/accounts/route.ts",
      "/api/admin/accounts",
      {},
      "username=lap.lai&name=L&password=mat-khau-tam-thoi-9&role=WARD_OFFICIAL&unit=bo-de&role=ADMINISTRATOR",
      "admin",
    );
    expect(refusedForm(account)).toContain("“role”");
    expect(await prisma.user.count({ where: { username: "lap.lai" } })).toBe(0);

    // signing in with two identifiers (one of them right) is refused, not read as the first
    const signIn = await send(
      "api/auth/sign-in/route.ts",
      "/api/auth/sign-in",
      {},
      `identifier=${world.users.official.username}&identifier=khong.ai&password=${encodeURIComponent(PASSWORD)}`,
    );
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("location")).toMatch(/^\/dang-nhap\?loi=/);
    expect(signIn.headers.get("set-cookie")).toBeNull();

    const password = await send(
      "api/auth/password/route.ts",
      "/api/auth/password",
      {},
      `currentPassword=a&currentPassword=b&newPassword=x&confirmPassword=x`,
      "official",
    );
    expect(refusedForm(password)).toContain("nhiều lần");

    // read routes: a repeated parameter is a 400 with the reason, never its first or last value
    const exportRes = await send(
      "api/entry/[ward]/[year]/[programme]/export/route.ts",
      "/api/entry/ngoc-thuy/2020/03-CTr-QU/export?format=csv&format=xlsx",
      { ward: "ngoc-thuy", year: "2020", programme: "03-CTr-QU" },
      null,
      "official",
    );
    expect(exportRes.status).toBe(400);
    expect(((await exportRes.json()) as { error: { message: string } }).error.message).toContain("“format”");
    const values = await send(
      "api/v1/org-units/[slug]/values/route.ts",
      "/api/v1/org-units/ngoc-thuy/values?term=2015-2020&term=2020-2025",
      { slug: "ngoc-thuy" },
      null,
      "official",
    );
    expect(values.status).toBe(400);
    expect(((await values.json()) as { error: { message: string } }).error.message).toContain("“term”");
  }, 60_000);
});

describe("people with several roles on different units", () => {
  // Bồ Đề's figures, and a second district, that none of these people may act on
  let bd: Record<number, number>;
  let giaLam = 0;
  const people = {
    /** official of Ngọc Thụy and district staff of Long Biên */
    officialStaff: "cb.nt.quan",
    /** committee member of Ngọc Thụy and district staff of Long Biên */
    committeeStaff: "du.nt.quan",
    /** official of Ngọc Thụy and committee member of Bồ Đề */
    officialCommittee: "cb.nt.du.bd",
  };
  const sub = (wardId: number, year: number) =>
    world.database.prisma.submission.findUnique({
      where: {
        orgUnitId_periodId_programmeId: {
          orgUnitId: wardId,
          periodId: review.periods[year],
          programmeId: review.programmeId,
        },
      },
    });
  const twice = (unitField: string, first: string, second: string, rest: Record<string, string>) =>
    formWith([[unitField, first], ...Object.entries(rest), [unitField, second]]);

  beforeAll(async () => {
    const { prisma } = world.database;
    const { createAccount } = await import("@/lib/auth/accounts");
    const { ngocThuy, boDe, district, city } = world.units;
    const make = (
      username: string,
      roles: { role: "WARD_OFFICIAL" | "WARD_PARTY_COMMITTEE" | "DISTRICT_STAFF"; orgUnitId: number }[],
    ) => createAccount(prisma, { username, name: username, password: PASSWORD, roles });
    await make(people.officialStaff, [
      { role: "WARD_OFFICIAL", orgUnitId: ngocThuy },
      { role: "DISTRICT_STAFF", orgUnitId: district },
    ]);
    await make(people.committeeStaff, [
      { role: "WARD_PARTY_COMMITTEE", orgUnitId: ngocThuy },
      { role: "DISTRICT_STAFF", orgUnitId: district },
    ]);
    await make(people.officialCommittee, [
      { role: "WARD_OFFICIAL", orgUnitId: ngocThuy },
      { role: "WARD_PARTY_COMMITTEE", orgUnitId: boDe },
    ]);
    giaLam = (
      await prisma.orgUnit.create({
        data: {
          slug: "gia-lam",
          name: "Gia Lâm",
          shortName: "Gia Lâm",
          level: "DISTRICT",
          parentId: city,
          validFrom: new Date("2015-01-01"),
        },
      })
    ).id;
    bd = {};
    // 2020: for the public portal's test alone
    for (const [year, status] of [
      [2017, "SUBMITTED"],
      [2018, "SUBMITTED"],
      [2019, "APPROVED"],
      [2020, "SUBMITTED"],
    ] as const) {
      bd[year] = (
        await prisma.submission.create({
          data: { orgUnitId: boDe, periodId: review.periods[year], programmeId: review.programmeId, status },
        })
      ).id;
    }
    // Ngọc Thụy 2020, sent: what the committee member of Bồ Đề must not approve
    await prisma.submission.create({
      data: {
        orgUnitId: ngocThuy,
        periodId: review.periods[2020],
        programmeId: review.programmeId,
        status: "SUBMITTED",
      },
    });
  });

  it("a ward named twice, the first where the person holds the right, the second another ward: refused, nothing changes", async () => {
    const actions = await import("@/lib/actions/review");
    const { boDe, ngocThuy } = world.units;
    const programme = review.programmeSlug;
    const cases: [string, string, (p: null, f: FormData) => Promise<Answer>, FormData, () => Promise<unknown>][] = [
      // send Bồ Đề's figures as the official of Ngọc Thụy (reads Bồ Đề as district staff)
      [
        "send Bồ Đề",
        people.officialStaff,
        actions.submitForReview,
        twice("ward", "ngoc-thuy", "bo-de", { year: "2016", programme, version: "1" }),
        () => sub(boDe, 2016),
      ],
      // approve / return Bồ Đề's as the committee member of Ngọc Thụy
      [
        "approve Bồ Đề",
        people.committeeStaff,
        actions.approveSubmission,
        twice("ward", "ngoc-thuy", "bo-de", { year: "2018", programme, version: "1" }),
        () => sub(boDe, 2018),
      ],
      [
        "return Bồ Đề",
        people.committeeStaff,
        actions.returnSubmission,
        twice("ward", "ngoc-thuy", "bo-de", { year: "2017", programme, version: "1", comment: "x" }),
        () => sub(boDe, 2017),
      ],
      // unlock needs district staff: the committee member of Bồ Đề is not, wherever the ward is named
      [
        "unlock Bồ Đề",
        people.officialCommittee,
        actions.unlockSubmission,
        twice("ward", "ngoc-thuy", "bo-de", { year: "2019", programme, version: "1", comment: "x" }),
        () => sub(boDe, 2019),
      ],
      // official of one ward, committee of another: neither sends the other's nor approves their own ward's
      [
        "send Bồ Đề (official NT, committee BĐ)",
        people.officialCommittee,
        actions.submitForReview,
        twice("ward", "ngoc-thuy", "bo-de", { year: "2016", programme, version: "1" }),
        () => sub(boDe, 2016),
      ],
      [
        "approve Ngọc Thụy (official NT, committee BĐ)",
        people.officialCommittee,
        actions.approveSubmission,
        twice("ward", "bo-de", "ngoc-thuy", { year: "2020", programme, version: "1" }),
        () => sub(ngocThuy, 2020),
      ],
      // a programme or year named twice is refused too
      [
        "approve Bồ Đề, programme twice",
        people.officialCommittee,
        actions.approveSubmission,
        twice("programme", programme, "khac", { ward: "bo-de", year: "2018", version: "1" }),
        () => sub(boDe, 2018),
      ],
    ];
    const failures: string[] = [];
    for (const [what, who, fn, form, state] of cases) {
      const before = JSON.stringify(await state());
      await as(who);
      const got = await fn(null, form);
      if (got.ok || got.code !== "invalid") failures.push(`${what}: ${JSON.stringify(got)}`);
      if (JSON.stringify(await state()) !== before) failures.push(`${what}: the submission changed`);
    }
    expect(failures).toEqual([]);
  });

  it("each right is judged on its own unit: rights held elsewhere, or reading, do not count", async () => {
    const actions = await import("@/lib/actions/review");
    const programme = review.programmeSlug;
    const form = (ward: string, year: number, comment = "") =>
      formWith([
        ["ward", ward],
        ["year", String(year)],
        ["programme", programme],
        ["version", "1"],
        ["comment", comment],
      ]);
    await as(people.committeeStaff);
    expect(await actions.approveSubmission(null, form("bo-de", 2018))).toMatchObject({ ok: false, code: "forbidden" });
    await as(people.officialStaff);
    expect(await actions.submitForReview(null, form("bo-de", 2016))).toMatchObject({ ok: false, code: "forbidden" });
    await as(people.officialCommittee);
    expect(await actions.approveSubmission(null, form("ngoc-thuy", 2020))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    // and the right one, on its own unit, works
    expect(await actions.returnSubmission(null, form("bo-de", 2017, "Chưa đủ"))).toMatchObject({
      ok: true,
      data: { status: "RETURNED" },
    });
  });

  it("a question on a residential group's figure: only the committee of the group's own ward asks it", async () => {
    const { askFigureQuestion } = await import("@/lib/actions/figure-comments");
    const { prisma } = world.database;
    const ask = (fields: [string, string][]) =>
      askFigureQuestion(
        null,
        formWith([
          ["year", "2017"],
          ["programme", review.programmeSlug],
          ["indicator", "review-to"],
          ["unit", "ngoc-thuy-to-1"],
          ["body", "Tổ 1 năm nay thế nào?"],
          ...fields,
        ]),
      ) as Promise<Answer>;
    const questions = () =>
      prisma.figureComment.findMany({ where: { orgUnitId: world.units.group }, select: { submissionId: true } });
    const before = (await questions()).length;
    // Bồ Đề's committee member: not on Ngọc Thụy; through Bồ Đề, Ngọc Thụy's group is no figure of its
    await as(people.officialCommittee);
    expect(await ask([["ward", "ngoc-thuy"]])).toMatchObject({ ok: false, code: "forbidden" });
    expect(await ask([["ward", "bo-de"]])).toMatchObject({ ok: false, code: "not-found" });
    expect(
      await ask([
        ["ward", "bo-de"],
        ["ward", "ngoc-thuy"],
      ]),
    ).toMatchObject({ ok: false, code: "invalid" });
    // Ngọc Thụy's committee member who is also district staff: no committee right on Bồ Đề
    await as(people.committeeStaff);
    expect(await ask([["ward", "bo-de"]])).toMatchObject({ ok: false, code: "forbidden" });
    expect(await questions()).toHaveLength(before);
    // the ward's own committee asks, on its own ward's submission
    await as(people.committeeStaff);
    expect(await ask([["ward", "ngoc-thuy"]])).toMatchObject({ ok: true });
    const sent = await prisma.submission.findFirstOrThrow({
      where: { orgUnitId: world.units.ngocThuy, periodId: review.periods[2017], programmeId: review.programmeId },
    });
    expect(await questions()).toEqual([...Array(before + 1)].map(() => ({ submissionId: sent.id })));
  });

  it("district staff set their own district's deadline only", async () => {
    const actions = await import("@/lib/actions/review");
    const { prisma } = world.database;
    await as(world.users.staff.username);
    const rest = { year: "2017", dueOn: "2018-03-31", version: "0" };
    expect(await actions.saveDeadline(null, twice("district", "long-bien", "gia-lam", rest))).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(
      await actions.saveDeadline(null, formWith([["district", "gia-lam"], ...Object.entries(rest)])),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await prisma.deadline.count({ where: { districtId: giaLam } })).toBe(0);
    // and the review rule likewise
    expect(
      await actions.saveSelfApprovalSetting(
        null,
        twice("unit", "long-bien", "gia-lam", { allowSelfApproval: "allow" }),
      ),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(
      await actions.saveSelfApprovalSetting(
        null,
        formWith([
          ["unit", "gia-lam"],
          ["allowSelfApproval", "allow"],
        ]),
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect((await prisma.orgUnit.findUniqueOrThrow({ where: { id: giaLam } })).allowSelfApproval).toBeNull();
  });

  describe("with PUBLIC_PORTAL=1", () => {
    beforeAll(() => {
      vi.stubEnv("PUBLIC_PORTAL", "1");
      vi.resetModules();
    });
    afterAll(() => {
      vi.stubEnv("PUBLIC_PORTAL", "0");
      vi.resetModules();
    });

    it("reading for everyone never lets a committee member approve another ward", async () => {
      const actions = await import("@/lib/actions/review");
      const { boDe } = world.units;
      const programme = review.programmeSlug;
      const before = JSON.stringify(await sub(boDe, 2020));
      cookieOf.clear();
      await as(world.users.committee.username);
      expect(
        await actions.approveSubmission(
          null,
          twice("ward", "ngoc-thuy", "bo-de", { year: "2020", programme, version: "1" }),
        ),
      ).toMatchObject({ ok: false, code: "invalid" });
      expect(
        await actions.approveSubmission(
          null,
          formWith([
            ["ward", "bo-de"],
            ["year", "2020"],
            ["programme", programme],
            ["version", "1"],
          ]),
        ),
      ).toMatchObject({ ok: false, code: "forbidden" });
      // nor an official of Ngọc Thụy send Bồ Đề's
      await as(world.users.official.username);
      expect(
        await actions.submitForReview(
          null,
          twice("ward", "ngoc-thuy", "bo-de", { year: "2016", programme, version: "1" }),
        ),
      ).toMatchObject({ ok: false, code: "invalid" });
      expect(JSON.stringify(await sub(boDe, 2020))).toBe(before);
      expect(await sub(boDe, 2016)).toBeNull();
    });

    it("signing in never reduces what a person reads: sessions and tokens read what an anonymous visitor reads", async () => {
      const { GET: values } = await import("@/app/api/v1/org-units/[slug]/values/route");
      const { GET: unit } = await import("@/app/api/v1/org-units/[slug]/route");
      const { issueApiToken } = await import("@/lib/auth/api-token");
      const { token } = await issueApiToken({
        name: "cổng",
        orgUnitId: world.units.ngocThuy,
        createdById: world.users.admin.id,
      });
      const callers: Record<string, Record<string, string>> = {
        anonymous: {},
        "official of Ngọc Thụy": { cookie: await signInCookie(world.users.official.username) },
        "committee of Ngọc Thụy": { cookie: await signInCookie(world.users.committee.username) },
        "token of Ngọc Thụy": { authorization: `Bearer ${token}` },
      };
      const got: Record<string, number[]> = {};
      for (const [who, extra] of Object.entries(callers)) {
        const headers = new Headers({ host: "ctk.test", "x-forwarded-for": "198.51.100.7", ...extra });
        const ctx = { params: Promise.resolve({ slug: "bo-de" }) };
        got[who] = [
          (await unit(new Request(`${ORIGIN}/api/v1/org-units/bo-de`, { headers }), ctx)).status,
          (
            await values(new Request(`${ORIGIN}/api/v1/org-units/bo-de/values`, { headers }), {
              params: Promise.resolve({ slug: "bo-de" }),
            })
          ).status,
        ];
      }
      expect(got).toEqual(Object.fromEntries(Object.keys(callers).map((who) => [who, [200, 200]])));

      // the pages' scopes: everything, signed in or not
      const access = await import("@/lib/auth/access");
      const { viewerFromHeaders } = await import("@/lib/auth/session");
      const official = await viewerFromHeaders(new Headers({ cookie: callers["official of Ngọc Thụy"].cookie }));
      expect(official).not.toBeNull();
      expect(await access.readScope(official)).toEqual({ all: true });
      expect(await access.readScope(null)).toEqual({ all: true });
      expect(await access.pageReadScope("bo-de")).toEqual({ all: true });
      expect(await access.requireReadPage("bo-de")).toEqual({ all: true });
    });
  });
});
