import { expect, test } from "@playwright/test";

test.describe("JSON API", () => {
  test("health reports the database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  test("an org unit comes with its parent and children", async ({ request }) => {
    const res = await request.get("/api/v1/org-units/ngoc-thuy");
    expect(res.status()).toBe(200);
    const { data } = await res.json();
    expect(data).toMatchObject({
      slug: "ngoc-thuy",
      name: "Phường Ngọc Thụy",
      level: "WARD",
      parent: { slug: "long-bien", level: "DISTRICT" },
    });
    expect(data.children).toHaveLength(38);
    expect(data.children[21]).toMatchObject({
      slug: "ngoc-thuy-to-22",
      shortName: "Tổ 22",
      level: "RESIDENTIAL_GROUP",
    });

    const district = await (await request.get("/api/v1/org-units/long-bien")).json();
    expect(district.data.children).toHaveLength(14);
  });

  test("programmes of a term with their indicators", async ({ request }) => {
    const res = await request.get("/api/v1/programmes?term=2015-2020");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.term).toMatchObject({ slug: "2015-2020", startYear: 2015, endYear: 2020 });
    expect(body.data.map((p: { code: string }) => p.code)).toEqual(["01-CT/QU", "02-CTr/QU", "03-CTr/QU"]);
    const indicators = body.data[2].sections.flatMap((s: { indicators: unknown[] }) => s.indicators);
    expect(indicators).toContainEqual(
      expect.objectContaining({ code: "tien-xu-phat-vi-pham", unit: "đồng", valueType: "MONEY", aggregation: "SUM" }),
    );
  });

  test("values of a unit: exact strings, period, qualifier, source and demo flag", async ({ request }) => {
    const res = await request.get("/api/v1/org-units/ngoc-thuy/values?term=2015-2020");
    expect(res.status()).toBe(200);
    const { data } = await res.json();
    const fines = data.find(
      (v: { indicator: { code: string }; period: { kind: string } }) =>
        v.indicator.code === "tien-xu-phat-vi-pham" && v.period.kind === "TERM",
    );
    expect(fines).toMatchObject({
      indicator: {
        code: "tien-xu-phat-vi-pham",
        name: "Tiền xử phạt vi phạm trật tự đô thị",
        unit: "đồng",
        programmeCode: "03-CTr/QU",
      },
      period: { kind: "TERM", year: null },
      value: "305000000",
      qualifier: "MORE_THAN",
      source: { title: "Báo cáo của Đảng ủy phường Ngọc Thụy", issuedOn: "2019-11-05", kind: "REPORT" },
      isDemo: false,
    });
    const tax = data.find(
      (v: { indicator: { code: string }; period: { kind: string } }) =>
        v.indicator.code === "thue-xay-dung" && v.period.kind === "TERM",
    );
    expect(tax.value).toBe("10934000000");
    const demoYear = data.find((v: { isDemo: boolean }) => v.isDemo);
    expect(demoYear).toMatchObject({ period: { kind: "YEAR" }, source: { kind: "DEMO", title: "Dữ liệu minh họa" } });
    expect(data.every((v: { value: string }) => /^\d+(\.\d+)?$/.test(v.value))).toBe(true);
  });

  test("unknown unit or term is 404 with a JSON error", async ({ request }) => {
    for (const url of [
      "/api/v1/org-units/khong-co",
      "/api/v1/org-units/khong-co/values?term=2015-2020",
      "/api/v1/programmes?term=2010-2015",
      "/api/v1/org-units/ngoc-thuy/values?term=2010-2015",
    ]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(404);
      const body = await res.json();
      expect(body.error.code, url).toBe("not_found");
      expect(body.error.message, url).toMatch(/Không/);
    }
  });

  test("malformed query is 400 with a JSON error", async ({ request }) => {
    for (const url of [
      "/api/v1/programmes?term=2015",
      "/api/v1/programmes?term=2015-2020&term=2020-2025",
      "/api/v1/org-units/ngoc-thuy/values?term=abc",
      "/api/v1/org-units/Ngoc_Thuy",
      "/api/v1/org-units/ngoc-thuy/values?term=2020-2015",
    ]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(400);
      expect((await res.json()).error.code, url).toBe("bad_request");
    }
  });
});
