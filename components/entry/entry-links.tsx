import Link from "next/link";

/** "Nhập số liệu" of each programme for the year being entered, for people who may edit the ward. */
export function EntryLinks({
  ward,
  year,
  programmes,
}: {
  ward: string;
  year: number;
  programmes: { code: string; slug: string }[];
}) {
  return (
    <nav
      aria-label="Nhập số liệu"
      className="no-print flex flex-wrap items-center gap-2 rounded-lg border border-brand-700/30 bg-white p-3 text-sm"
    >
      <span className="font-medium">Nhập số liệu năm {year}:</span>
      {programmes.map((p) => (
        <Link
          key={p.slug}
          href={`/${ward}/nhap-lieu/${year}/${p.slug}`}
          className="rounded bg-brand-700 px-3 py-1 font-medium text-white hover:bg-brand-800"
        >
          Nhập số liệu {p.code}
        </Link>
      ))}
    </nav>
  );
}
