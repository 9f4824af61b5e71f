// /tien-do: a district's wards × programmes for one year, put together from pieces with one job
// each: the year picker, the deadline, the counts by state, the table by ward, what each ward owes;
// the wards a page at a time (a city has thousands), searched by name.
import type { ReactNode } from "react";
import type { DistrictProgress } from "@/lib/data/review";
import { DeadlineSection } from "./deadline-section";
import { OwedList } from "./owed-list";
import { ProgressCounts } from "./progress-counts";
import { ProgressListPager, ProgressListSearch } from "./progress-list-nav";
import { ProgressTable } from "./progress-table";
import { ProgressYearPicker } from "./progress-year-picker";

export function DistrictProgressView({
  progress,
  canManageDeadline,
  now,
  children,
}: {
  progress: DistrictProgress;
  canManageDeadline: boolean;
  now: Date;
  /** further district settings, shown after the deadline */
  children?: ReactNode;
}) {
  const { district, year, term } = progress;
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          {district.name} · {term.name}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Tiến độ nhập liệu năm {year}</h1>
        <ProgressYearPicker districtSlug={district.slug} year={year} term={term} q={progress.list.q} />
      </header>
      <DeadlineSection progress={progress} canManageDeadline={canManageDeadline} />
      {children}
      <ProgressCounts progress={progress} now={now} />
      <ProgressListSearch progress={progress} />
      <ProgressTable progress={progress} now={now} />
      <OwedList progress={progress} />
      <ProgressListPager progress={progress} />
    </article>
  );
}
