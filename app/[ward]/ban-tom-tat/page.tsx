import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BriefView } from "@/components/documents/brief-view";
import { requireReadPage } from "@/lib/auth/access";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { loadBrief } from "@/lib/services/brief";
import { slugSchema } from "@/lib/validation/params";
import { briefQuerySchema } from "@/lib/validation/party-report";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadPage = cache(
  async (ward: string, term: string | undefined, year: number | null, demo: boolean, scope: ReadScope) => {
    const resolved = await resolveTerm(term);
    if (!resolved || (year !== null && (year < resolved.startYear || year > resolved.endYear))) return null;
    const brief = await loadBrief({ wardSlug: ward, term: resolved, year, includeDemo: demo, scope, now: new Date() });
    return brief && { brief, term: resolved };
  },
);

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([params, searchParams.then((q) => briefQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success || !query.success) notFound();
  const scope = await requireReadPage(slug.data);
  const q = query.data;
  const page = await loadPage(slug.data, q.term, q.year ?? null, q.demo, scope);
  if (!page) notFound();
  return { ...page, slug: slug.data, q };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { brief } = await load(props);
  return { title: `Bản tóm tắt · ${brief.periodLabel}` };
}

export default async function BriefPage(props: Props) {
  const { brief, term, slug, q } = await load(props);
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ term: term.slug, ...(q.demo ? {} : { demo: "0" }), ...extra }).toString();
  const years = Array.from({ length: term.endYear - term.startYear + 1 }, (_, k) => term.startYear + k);
  const periods = [
    { label: `Nhiệm kỳ ${term.slug}`, href: `/${slug}/ban-tom-tat?${query({})}`, current: q.year === undefined },
    ...years.map((y) => ({
      label: `Năm ${y}`,
      href: `/${slug}/ban-tom-tat?${query({ year: String(y) })}`,
      current: q.year === y,
    })),
  ];
  const pdfHref = `/api/v1/org-units/${slug}/brief?${query(q.year ? { year: String(q.year) } : {})}`;
  return <BriefView brief={brief} ward={{ slug, name: brief.wardName }} pdfHref={pdfHref} periods={periods} />;
}
