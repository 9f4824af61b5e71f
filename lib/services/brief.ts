import "server-only";
import { getOrgUnit } from "@/lib/data/org-units";
import { getBriefState, getUnapprovedWardValues } from "@/lib/data/party-report";
import { getProgrammes } from "@/lib/data/programmes";
import type { ReadScope } from "@/lib/data/scope";
import { getTargets } from "@/lib/data/targets";
import type { TermSummary } from "@/lib/data/terms";
import { getUnitValues, type UnitValue } from "@/lib/data/values";
import { buildBrief, type Brief, type BriefFigure } from "@/lib/documents/brief";
import { summariseIndicator } from "@/lib/domain/indicator-summary";

export type BriefRequest = {
  wardSlug: string;
  term: TermSummary;
  /** a year's brief; null: the term's */
  year: number | null;
  includeDemo: boolean;
  scope: ReadScope;
  now: Date;
};

const key = (programmeCode: string, code: string) => `${programmeCode}\u0000${code}`;
const asFigure = (v: UnitValue): BriefFigure => ({ value: v.value, qualifier: v.qualifier, source: v.source });

/** The brief of a ward for a year or a term, from its headline indicators; null when the ward is unknown or out of scope. */
export async function loadBrief(req: BriefRequest): Promise<Brief | null> {
  const ward = await getOrgUnit(req.wardSlug, req.scope);
  if (!ward || ward.level !== "WARD") return null;
  const programmes = await getProgrammes(req.term.id);
  const headline = programmes.flatMap((p) =>
    p.sections.flatMap((s) => s.indicators.filter((i) => i.headline).map((i) => ({ p, i }))),
  );
  const [values, targets, unapproved, state] = await Promise.all([
    getUnitValues({ orgUnitSlug: req.wardSlug, termId: req.term.id, scope: req.scope }),
    getTargets({
      termId: req.term.id,
      indicatorCodes: headline.map((h) => h.i.code),
      orgUnitSlug: req.wardSlug,
      scope: req.scope,
    }),
    getUnapprovedWardValues({ wardSlug: req.wardSlug, termId: req.term.id, scope: req.scope }),
    getBriefState({ wardSlug: req.wardSlug, termId: req.term.id, year: req.year, scope: req.scope }),
  ]);
  const byIndicator = new Map<string, UnitValue[]>();
  for (const v of values) {
    if (v.isDemo && !req.includeDemo) continue;
    const k = key(v.indicator.programmeCode, v.indicator.code);
    byIndicator.set(k, [...(byIndicator.get(k) ?? []), v]);
  }
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
          if (req.year !== null) {
            const at = (y: number) => own.find((v) => v.period.kind === "YEAR" && v.period.year === y);
            figure = at(req.year) ? asFigure(at(req.year)!) : null;
            previous = at(req.year - 1) ? asFigure(at(req.year - 1)!) : null;
          } else {
            const summary = summariseIndicator(i.aggregation, own);
            if (summary.figure.basis !== "none" && summary.sources.length > 0)
              figure = { value: summary.figure.value, qualifier: summary.figure.qualifier, source: summary.sources[0] };
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
            target: target && (req.includeDemo || !target.isDemo) ? target : null,
            pendingApproval: pending.has(k),
            confirmedOutlier: outliers.has(k),
          };
        }),
    })),
  });
}

export { writeBriefPdf as renderBriefPdf } from "@/lib/documents/brief-pdf";
