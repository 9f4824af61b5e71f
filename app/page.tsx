import { OwnUnits, WardList } from "@/components/home/ward-list";
import { YearStandingSection } from "@/components/home/year-standing";
import { InboxPanel } from "@/components/inbox/inbox-panel";
import { readScope, requireViewer } from "@/lib/auth/access";
import { env } from "@/lib/env";
import { listScopeRoots, listWards } from "@/lib/data/org-units";
import { loadYearStanding } from "@/lib/services/home-standing";
import { homeQuerySchema } from "@/lib/validation/home";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const viewer = env.PUBLIC_PORTAL ? null : await requireViewer();
  const parsed = homeQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { q: "", page: 1 };
  const scope = await readScope(viewer);
  const [own, standing] = await Promise.all([listScopeRoots(scope), loadYearStanding(scope)]);
  const wards = await listWards(scope, { ...query, exclude: own.map((u) => u.id) });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Theo dõi Chương trình công tác toàn khóa</h1>
        <p className="max-w-3xl text-slate-700">
          Kết quả thực hiện các Chương trình công tác toàn khóa của Quận ủy tại từng phường và tổ dân phố: các chỉ tiêu,
          số liệu từng năm và cả nhiệm kỳ, kèm nguồn của mỗi số liệu.
        </p>
      </header>
      {/* what this person has to do, then where their wards stand this year, then what they may read */}
      <InboxPanel />
      {standing && <YearStandingSection standing={standing} now={new Date()} />}
      <OwnUnits units={own} />
      <WardList list={wards} q={query.q} showEmpty={own.length === 0 || wards.total > 0 || query.q !== ""} />
    </div>
  );
}
