import { describe, expect, it } from "vitest";
import { repeatedFieldMessage, singleValued, textFields } from "./form-input";

describe("singleValued", () => {
  it("gives each field of a form or a query string once", () => {
    const form = new FormData();
    form.set("ward", "ngoc-thuy");
    form.set("year", "2020");
    form.set("$ACTION_ID_abc", "");
    expect(singleValued(form)).toEqual({ ok: true, fields: { ward: "ngoc-thuy", year: "2020" } });
    expect(singleValued(new URLSearchParams("format=csv&term=2015-2020"))).toEqual({
      ok: true,
      fields: { format: "csv", term: "2015-2020" },
    });
  });

  it("refuses a repeated field, whatever its values, naming it", () => {
    for (const query of ["ward=ngoc-thuy&ward=bo-de", "ward=bo-de&ward=bo-de", "ward=&ward=bo-de"]) {
      expect(singleValued(new URLSearchParams(query))).toEqual({
        ok: false,
        field: "ward",
        message: repeatedFieldMessage("ward"),
      });
    }
    const form = new FormData();
    form.append("file", new File(["a"], "a.xlsx"));
    form.append("file", new File(["b"], "b.xlsx"));
    expect(singleValued(form)).toMatchObject({ ok: false, field: "file" });
    expect(repeatedFieldMessage("ward")).toBe(
      "Yêu cầu gửi trường “ward” nhiều lần nên bị từ chối. Hãy tải lại trang rồi thao tác lại.",
    );
  });

  it("keeps names that are properties of every object as plain fields", () => {
    const r = singleValued(new URLSearchParams("__proto__=x&constructor=y"));
    expect(r.ok && Object.keys(r.fields)).toEqual(["__proto__", "constructor"]);
    expect(singleValued(new URLSearchParams("toString=1&toString=2"))).toMatchObject({ ok: false, field: "toString" });
  });

  it("textFields leaves files out", () => {
    expect(textFields({ a: "1", f: new File(["x"], "x.csv") })).toEqual({ a: "1" });
  });
});
