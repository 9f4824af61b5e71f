import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { BriefView } from "@/components/documents/brief-view";
import { requireReadPage } from "@/lib/auth/access";
import { mayReadDrafts } from "@/lib/auth/may-edit";
import type { ReadScope } from "@/lib/data/scope";
import { resolveTerm } from "@/lib/data/terms";
import { loadBrief } from "@/lib/services/brief";
import { slugSchema } from "@/lib/validation/params";
import { briefQuerySchema } from "@/lib/validation/party-report";

type Props = {
  params: Promise<{ ward: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type PageQuery = { term?: string; year: number | null; demo: boolean; draft: boolean };

const loadPage = cache(async (ward: string, q: PageQuery, scope: ReadScope) => {
  const resolved = await resolveTerm(q.term);
  if (!resolved || (q.year !== null && (q.year < resolved.startYear || q.year > resolved.endYear))) return null;
  const brief = await loadBrief({
    wardSlug: ward,
    term: resolved,
    year: q.year,
    includeDemo: q.demo,
    draft: q.draft,
    scope,
    now: new Date(),
  });
  return brief && { brief, term: resolved };
});

async function load({ params, searchParams }: Props) {
  const [{ ward }, query] = await Promise.all([params, searchParams.then((q) => briefQuerySchema.safeParse(q))]);
  const slug = slugSchema.safeParse(ward);
  if (!slug.success || !query.success) notFound();
  const scope = await requireReadPage(slug.data);
  const q = query.data;
  const drafts = await mayReadDrafts(slug.data);
  // a draft shows figures not yet approved: only the ward's officials and committee
  if (q.draft && !drafts) forbidden();
  const page = await loadPage(slug.data, { term: q.term, year: q.year ?? null, demo: q.demo, draft: q.draft }, scope);
  if (!page) notFound();
  return { ...page, slug: slug.data, q, drafts };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { brief } = await load(props);
  return { title: `${brief.draft ? "Dự thảo b" : "B"}ản tóm tắt · ${brief.periodLabel}` };
}

export default async function BriefPage(props: Props) {
  const { brief, term, slug, q, drafts } = await load(props);
  const query = (extra: Record<string, string>, draft = q.draft) =>
    new URLSearchParams({
      term: term.slug,
      ...(q.demo ? {} : { demo: "0" }),
      ...(draft ? { draft: "1" } : {}),
      ...extra,
    }).toString();
  const own: Record<string, string> = q.year ? { year: String(q.year) } : {};
  const years = Array.from({ length: term.endYear - term.startYear + 1 }, (_, k) => term.startYear + k);
  const periods = [
    { label: `Nhiệm kỳ ${term.slug}`, href: `/${slug}/ban-tom-tat?${query({})}`, current: q.year === undefined },
    ...years.map((y) => ({
      label: `Năm ${y}`,
      href: `/${slug}/ban-tom-tat?${query({ year: String(y) })}`,
      current: q.year === y,
    })),
  ];
  const pdfHref = `/api/v1/org-units/${slug}/brief?${query(own)}`;
  const draftLink = !drafts
    ? null
    : q.draft
      ? { href: `/${slug}/ban-tom-tat?${query(own, false)}`, label: "Xem bản chính thức" }
      : { href: `/${slug}/ban-tom-tat?${query(own, true)}`, label: "Xem bản dự thảo" };
  return (
    <BriefView
      brief={brief}
      ward={{ slug, name: brief.wardName }}
      pdfHref={pdfHref}
      periods={periods}
      draftLink={draftLink}
    />
  );
}
