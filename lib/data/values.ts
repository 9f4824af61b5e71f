import "server-only";
import { db } from "@/lib/db";
import type { PeriodKind, Qualifier, SourceKind, ValueType } from "@/lib/generated/prisma/enums";
import { type ReadScope, orgUnitScopeWhere } from "./scope";
import { decimalString, isoDay } from "./serialize";

export type SourceInfo = { key: string; title: string; issuedOn: string | null; kind: SourceKind };

export type UnitValue = {
  indicator: { code: string; name: string; unit: string; valueType: ValueType; programmeCode: string };
  orgUnit: { slug: string; shortName: string };
  period: { kind: PeriodKind; year: number | null };
  value: string;
  qualifier: Qualifier;
  note: string | null;
  source: SourceInfo;
  isDemo: boolean;
  version: number;
  recordedAt: string;
};

const valueSelect = {
  value: true,
  qualifier: true,
  note: true,
  version: true,
  recordedAt: true,
  orgUnit: { select: { slug: true, shortName: true } },
  period: { select: { kind: true, year: true } },
  source: { select: { key: true, title: true, issuedOn: true, kind: true } },
  indicator: { select: { code: true, name: true, unit: true, valueType: true, programme: { select: { code: true } } } },
} as const;

type Row = {
  value: { toFixed(): string };
  qualifier: Qualifier;
  note: string | null;
  version: number;
  recordedAt: Date;
  orgUnit: { slug: string; shortName: string };
  period: { kind: PeriodKind; year: number | null };
  source: { key: string; title: string; issuedOn: Date | null; kind: SourceKind };
  indicator: { code: string; name: string; unit: string; valueType: ValueType; programme: { code: string } };
};

function toUnitValue(r: Row): UnitValue {
  const { programme, ...indicator } = r.indicator;
  return {
    indicator: { ...indicator, programmeCode: programme.code },
    orgUnit: r.orgUnit,
    period: r.period,
    value: decimalString(r.value),
    qualifier: r.qualifier,
    note: r.note,
    source: { ...r.source, issuedOn: isoDay(r.source.issuedOn) },
    isDemo: r.source.kind === "DEMO",
    version: r.version,
    recordedAt: r.recordedAt.toISOString(),
  };
}

const periodOrder = [{ period: { kind: "asc" } }, { period: { year: "asc" } }] as const;

/** Every value of one org unit in a term, or of one programme of it (one query); none outside `scope`. */
export async function getUnitValues({
  orgUnitSlug,
  termId,
  scope,
  programmeSlug,
}: {
  orgUnitSlug: string;
  termId: number;
  scope: ReadScope;
  programmeSlug?: string;
}): Promise<UnitValue[]> {
  const rows = await db().result.findMany({
    where: {
      orgUnit: { slug: orgUnitSlug },
      ...orgUnitScopeWhere(scope),
      period: { termId },
      ...(programmeSlug ? { indicator: { programme: { slug: programmeSlug } } } : {}),
    },
    select: valueSelect,
    orderBy: [
      { indicator: { programme: { number: "asc" } } },
      { indicator: { sectionId: "asc" } },
      { indicator: { sortOrder: "asc" } },
      ...periodOrder,
    ],
  });
  return rows.map(toUnitValue);
}

/** Values of the units (residential groups) under a ward in a term, those in `scope` (one query). */
export async function getChildUnitValues(parentSlug: string, termId: number, scope: ReadScope): Promise<UnitValue[]> {
  const rows = await db().result.findMany({
    where: { orgUnit: { parent: { slug: parentSlug } }, ...orgUnitScopeWhere(scope), period: { termId } },
    select: valueSelect,
    orderBy: [{ orgUnit: { sortOrder: "asc" } }, ...periodOrder],
  });
  return rows.map(toUnitValue);
}
