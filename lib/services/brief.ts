import "server-only";
import { getOrgUnit } from "@/lib/data/org-units";
import { getBriefState, getUnapprovedWardValues } from "@/lib/data/party-report";
import { getProgrammes } from "@/lib/data/programmes";
import type { ReadScope } from "@/lib/data/scope";
import { getTargets } from "@/lib/data/targets";
import { getPreviousTerm, type TermSummary } from "@/lib/data/terms";
import { getUnitValues, type UnitValue } from "@/lib/data/values";
import { buildBrief, type Brief, type BriefFigure } from "@/lib/documents/brief";
import { summariseIndicator, type ValueInput } from "@/lib/domain/indicator-summary";

export type BriefRequest = {
  wardSlug: string;
  term: TermSummary;
  /** a year's brief; null: the term's */
  year: number | null;
  includeDemo: boolean;
  /** a draft carries the ward's entered figures not yet approved, marked (only for its officials and committee) */
  draft?: boolean;
  scope: ReadScope;
  now: Date;
};

const key = (programmeCode: string, code: string) => `${programmeCode}\u0000${code}`;

/** A stored figure, or in a draft one entered and not approved yet (which stands for the published one of its year). */
type BriefValue = ValueInput & { approved: boolean };

const asFigure = (v: BriefValue): BriefFigure => ({
  value: v.value,
  qualifier: v.qualifier,
  source: v.source,
  approved: v.approved,
});

const ENTERED = { key: "entered", title: "Phường nhập", issuedOn: null, kind: "ENTRY" } as const;

/** The term figure of an indicator from its values (reported for the term, else by its rule), or null. */
function termFigureOf(aggregation: Parameters<typeof summariseIndicator>[0], own: BriefValue[]): BriefFigure | null {
  const summary = summariseIndicator(aggregation, own);
  if (summary.figure.basis === "none" || summary.sources.length === 0) return null;
  const reported = own.some((v) => v.period.kind === "TERM");
  return {
    value: summary.figure.value,
    qualifier: summary.figure.qualifier,
    source: summary.sources[0],
    approved: reported || own.every((v) => v.approved),
  };
}

type PreviousTerm = {
  slug: string;
  /** by indicator code: its unit, type and rule in the previous term, and the ward's values there */
  indicators: Map<string, { unit: string; valueType: string; aggregation: Parameters<typeof summariseIndicator>[0] }>;
  values: Map<string, BriefValue[]>;
};

/** The previous term's indicators and the ward's published values in it, for a term brief's change; null when none. */
async function loadPreviousTerm(req: BriefRequest): Promise<PreviousTerm | null> {
  const prev = await getPreviousTerm(req.term);
  if (!prev) return null;
  const [programmes, values] = await Promise.all([
    getProgrammes(prev.id, { unitSlug: req.wardSlug }),
    getUnitValues({ orgUnitSlug: req.wardSlug, termId: prev.id, scope: req.scope }),
  ]);
  const indicators: PreviousTerm["indicators"] = new Map();
  for (const p of programmes)
    for (const s of p.sections)
      for (const i of s.indicators)
        indicators.set(i.code, { unit: i.unit, valueType: i.valueType, aggregation: i.aggregation });
  const byCode = new Map<string, BriefValue[]>();
  for (const v of values) {
    if (v.isDemo && !req.includeDemo) continue;
    byCode.set(v.indicator.code, [...(byCode.get(v.indicator.code) ?? []), { ...v, approved: true }]);
  }
  return { slug: prev.slug, indicators, values: byCode };
}

/**
 * The previous term's figure of an indicator, matched by code, unit and type (a changed definition is
 * not compared), or why there is none.
 */
function previousTermFigure(
  prev: PreviousTerm | null,
  i: { code: string; unit: string; valueType: string },
): { figure: BriefFigure | null; missing: string | null } {
  if (!prev) return { figure: null, missing: "không có nhiệm kỳ trước" };
  const before = prev.indicators.get(i.code);
  if (!before || before.unit !== i.unit || before.valueType !== i.valueType)
    return { figure: null, missing: `nhiệm kỳ ${prev.slug} không có chỉ tiêu này` };
  const figure = termFigureOf(before.aggregation, prev.values.get(i.code) ?? []);
  return figure ? { figure, missing: null } : { figure: null, missing: `nhiệm kỳ ${prev.slug} không có số liệu` };
}

/** The brief of a ward for a year or a term, from its headline indicators; null when the ward is unknown or out of scope. */
export async function loadBrief(req: BriefRequest): Promise<Brief | null> {
  const ward = await getOrgUnit(req.wardSlug, req.scope);
  if (!ward || ward.level !== "WARD") return null;
  const programmes = await getProgrammes(req.term.id, { unitSlug: req.wardSlug });
  const headline = programmes.flatMap((p) =>
    p.sections.flatMap((s) => s.indicators.filter((i) => i.headline).map((i) => ({ p, i }))),
  );
  const [values, targets, unapproved, state, prev] = await Promise.all([
    getUnitValues({ orgUnitSlug: req.wardSlug, termId: req.term.id, scope: req.scope }),
    getTargets({
      termId: req.term.id,
      indicatorCodes: headline.map((h) => h.i.code),
      orgUnitSlug: req.wardSlug,
      scope: req.scope,
    }),
    getUnapprovedWardValues({ wardSlug: req.wardSlug, termId: req.term.id, scope: req.scope }),
    getBriefState({ wardSlug: req.wardSlug, termId: req.term.id, year: req.year, scope: req.scope }),
    req.year === null ? loadPreviousTerm(req) : Promise.resolve(null),
  ]);
  const byIndicator = new Map<string, BriefValue[]>();
  const add = (k: string, v: BriefValue) => {
    // an entered figure not yet approved stands in a draft for the published one of the same year
    const list = (byIndicator.get(k) ?? []).filter(
      (x) => v.approved || x.period.kind !== "YEAR" || x.period.year !== v.period.year,
    );
    byIndicator.set(k, [...list, v]);
  };
  for (const v of values as UnitValue[]) {
    if (v.isDemo && !req.includeDemo) continue;
    add(key(v.indicator.programmeCode, v.indicator.code), { ...v, approved: true });
  }
  if (req.draft)
    for (const u of unapproved)
      add(key(u.programmeCode, u.indicatorCode), {
        period: { kind: "YEAR", year: u.year },
        value: u.value,
        qualifier: u.qualifier,
        note: null,
        source: ENTERED,
        approved: false,
      });
  const inPeriod = (year: number) => req.year === null || year === req.year;
  const pending = new Set(unapproved.filter((u) => inPeriod(u.year)).map((u) => key(u.programmeCode, u.indicatorCode)));
  const outliers = new Set(
    state.confirmedOutliers.filter((o) => inPeriod(o.year)).map((o) => key(o.programmeCode, o.indicatorCode)),
  );

  return buildBrief({
    ward: { name: ward.name },
    period: req.year === null ? { kind: "TERM", slug: req.term.slug } : { kind: "YEAR", year: req.year },
    dueOn: state.dueOn,
    now: req.now,
    draft: req.draft ?? false,
    programmes: programmes.map((p) => ({
      code: p.code,
      title: p.title,
      state:
        req.year === null ? null : (state.submissions.find((s) => s.programmeCode === p.code)?.status ?? "NOT_STARTED"),
      indicators: headline
        .filter((h) => h.p.code === p.code)
        .map(({ i }) => {
          const k = key(p.code, i.code);
          const own = byIndicator.get(k) ?? [];
          const t = targets.get(i.code);
          let figure: BriefFigure | null = null;
          let previous: BriefFigure | null = null;
          let previousMissing: string | null = null;
          if (req.year !== null) {
            const at = (y: number) => own.find((v) => v.period.kind === "YEAR" && v.period.year === y);
            figure = at(req.year) ? asFigure(at(req.year)!) : null;
            previous = at(req.year - 1) ? asFigure(at(req.year - 1)!) : null;
          } else {
            figure = termFigureOf(i.aggregation, own);
            ({ figure: previous, missing: previousMissing } = previousTermFigure(prev, i));
          }
          const target = req.year !== null ? (t?.years[req.year] ?? t?.term ?? null) : (t?.term ?? null);
          return {
            code: i.code,
            name: i.name,
            unit: i.unit,
            valueType: i.valueType,
            direction: i.direction,
            figure,
            previous,
            previousMissing,
            target: target && (req.includeDemo || !target.isDemo) ? target : null,
            pendingApproval: pending.has(k),
            confirmedOutlier: outliers.has(k),
          };
        }),
    })),
  });
}

export { writeBriefPdf as renderBriefPdf } from "@/lib/documents/brief-pdf";
