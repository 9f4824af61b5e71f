import "server-only";
import { db } from "@/lib/db";
import { cachedCatalogue } from "./catalogue-cache";
import type { Aggregation, Direction, OrgLevel, ValueType } from "@/lib/generated/prisma/enums";

export type IndicatorInfo = {
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  aggregation: Aggregation;
  direction: Direction;
  collectionLevel: OrgLevel;
  wardFromGroups: boolean;
  categories: Record<string, string>;
  headline: boolean;
  parentCode: string | null;
  description: string | null;
};

export type SectionInfo = { code: string; name: string; indicators: IndicatorInfo[] };

export type ProgrammeInfo = {
  code: string;
  slug: string;
  number: number;
  title: string;
  summary: string;
  issuer: { slug: string; name: string };
  sections: SectionInfo[];
};

/**
 * The programmes of a term with their sections and indicators, in the programmes' own order. Kept in
 * the process between requests while the catalogue's version stays the same (catalogue-cache.ts).
 */
export async function getProgrammes(termId: number): Promise<ProgrammeInfo[]> {
  return cachedCatalogue(`programmes:${termId}`, () => readProgrammes(termId));
}

async function readProgrammes(termId: number): Promise<ProgrammeInfo[]> {
  const rows = await db().programme.findMany({
    where: { termId },
    orderBy: [{ number: "asc" }, { code: "asc" }],
    select: {
      code: true,
      slug: true,
      number: true,
      title: true,
      summary: true,
      issuer: { select: { slug: true, name: true } },
      sections: {
        orderBy: { sortOrder: "asc" },
        select: {
          code: true,
          name: true,
          indicators: {
            orderBy: { sortOrder: "asc" },
            select: {
              code: true,
              name: true,
              unit: true,
              valueType: true,
              aggregation: true,
              direction: true,
              collectionLevel: true,
              wardFromGroups: true,
              categories: true,
              headline: true,
              description: true,
              parent: { select: { code: true } },
            },
          },
        },
      },
    },
  });
  return rows.map((p) => ({
    ...p,
    sections: p.sections.map((s) => ({
      code: s.code,
      name: s.name,
      indicators: s.indicators.map(({ parent, categories, ...i }) => ({
        ...i,
        categories: (categories ?? {}) as Record<string, string>,
        parentCode: parent?.code ?? null,
      })),
    })),
  }));
}
