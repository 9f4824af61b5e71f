import type { OrgLevel } from "../../lib/generated/prisma/enums";

export type OrgUnitSeed = {
  slug: string;
  name: string;
  shortName: string;
  level: OrgLevel;
  parentSlug: string | null;
  sortOrder: number;
  validFrom: string; // yyyy-mm-dd
  validTo: string | null;
};

// Quận Long Biên and its wards existed from 01/01/2004 (Nghị định 132/2003/NĐ-CP) until the
// 2025 reorganisation removed the district level and merged the wards (effective 01/07/2025).
const LONG_BIEN_FROM = "2004-01-01";
const LONG_BIEN_TO = "2025-06-30";
// The residential groups' founding dates are not in any source we hold: they are recorded from
// the start of the earliest term we have figures for.
const GROUPS_FROM = "2015-01-01";

/** Wards of Quận Long Biên in alphabetical order; "Long Biên" the ward is disambiguated from the district. */
export const LONG_BIEN_WARDS: ReadonlyArray<{ slug: string; shortName: string }> = [
  { slug: "bo-de", shortName: "Bồ Đề" },
  { slug: "cu-khoi", shortName: "Cự Khối" },
  { slug: "duc-giang", shortName: "Đức Giang" },
  { slug: "gia-thuy", shortName: "Gia Thụy" },
  { slug: "giang-bien", shortName: "Giang Biên" },
  { slug: "phuong-long-bien", shortName: "Long Biên" },
  { slug: "ngoc-lam", shortName: "Ngọc Lâm" },
  { slug: "ngoc-thuy", shortName: "Ngọc Thụy" },
  { slug: "phuc-dong", shortName: "Phúc Đồng" },
  { slug: "phuc-loi", shortName: "Phúc Lợi" },
  { slug: "sai-dong", shortName: "Sài Đồng" },
  { slug: "thach-ban", shortName: "Thạch Bàn" },
  { slug: "thuong-thanh", shortName: "Thượng Thanh" },
  { slug: "viet-hung", shortName: "Việt Hưng" },
];

export const NGOC_THUY_GROUP_COUNT = 38;

export function groupSlug(wardSlug: string, n: number): string {
  return `${wardSlug}-to-${n}`;
}

export function orgUnitSeeds(): OrgUnitSeed[] {
  const units: OrgUnitSeed[] = [
    {
      slug: "ha-noi",
      name: "Thành phố Hà Nội",
      shortName: "Hà Nội",
      level: "CITY",
      parentSlug: null,
      sortOrder: 0,
      validFrom: "1945-01-01",
      validTo: null,
    },
    {
      slug: "long-bien",
      name: "Quận Long Biên",
      shortName: "Long Biên",
      level: "DISTRICT",
      parentSlug: "ha-noi",
      sortOrder: 0,
      validFrom: LONG_BIEN_FROM,
      validTo: LONG_BIEN_TO,
    },
  ];
  LONG_BIEN_WARDS.forEach((w, i) =>
    units.push({
      slug: w.slug,
      name: `Phường ${w.shortName}`,
      shortName: w.shortName,
      level: "WARD",
      parentSlug: "long-bien",
      sortOrder: i + 1,
      validFrom: LONG_BIEN_FROM,
      validTo: LONG_BIEN_TO,
    }),
  );
  for (let n = 1; n <= NGOC_THUY_GROUP_COUNT; n++) {
    units.push({
      slug: groupSlug("ngoc-thuy", n),
      name: `Tổ dân phố ${n}, phường Ngọc Thụy`,
      shortName: `Tổ ${n}`,
      level: "RESIDENTIAL_GROUP",
      parentSlug: "ngoc-thuy",
      sortOrder: n,
      validFrom: GROUPS_FROM,
      validTo: LONG_BIEN_TO,
    });
  }
  return units;
}
