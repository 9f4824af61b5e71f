// Steps an administrator takes on /quan-tri/don-vi, shared by the specs that set up test units.
import { type Page, expect } from "@playwright/test";

export type NewUnit = { parent: string; level: string; name: string; shortName: string; slug: string };

/** Submits one of the org-unit forms (retried until hydrated: the answer shows) and waits for its answer. */
export async function submitUnitForm(page: Page, form: string, button: string, answer: string | RegExp) {
  const f = page.getByRole("form", { name: form });
  // a click before hydration would post nothing: retry until the answer shows
  await expect(async () => {
    await f.getByRole("button", { name: button }).click();
    await expect(f.getByRole("status")).toContainText(answer, { timeout: 10_000 });
  }).toPass({ timeout: 40_000 });
}

/** Thêm đơn vị, active from 01/01/2015. */
export async function addUnit(page: Page, unit: NewUnit) {
  await page.goto("/quan-tri/don-vi");
  const f = page.getByRole("form", { name: "Thêm đơn vị" });
  await f.getByLabel("Đơn vị cấp trên").selectOption({ label: unit.parent });
  await f.getByLabel("Cấp", { exact: true }).selectOption({ label: unit.level });
  await f.getByLabel("Tên đầy đủ").fill(unit.name);
  await f.getByLabel("Tên ngắn").fill(unit.shortName);
  await f.getByLabel("Mã", { exact: true }).fill(unit.slug);
  await f.getByLabel("Ngày bắt đầu hoạt động").fill("2015-01-01");
  await submitUnitForm(page, "Thêm đơn vị", "Thêm đơn vị", `Đã thêm ${unit.name}.`);
}

/**
 * Adds a city at the top (`Thành phố {city}`) and test wards under Long Biên (`Phường {name}`), whose
 * programmes they then report on: `wards` are [short name, slug] pairs.
 */
export async function addCityAndWards(
  admin: Page,
  city: { shortName: string; slug: string },
  wards: readonly (readonly [name: string, slug: string])[],
) {
  await addUnit(admin, {
    parent: "— Không có (thành phố cấp cao nhất)",
    level: "Thành phố",
    name: `Thành phố ${city.shortName}`,
    shortName: city.shortName,
    slug: city.slug,
  });
  for (const [name, slug] of wards)
    await addUnit(admin, {
      parent: "Quận Long Biên",
      level: "Phường, xã",
      name: `Phường ${name}`,
      shortName: name,
      slug,
    });
}
