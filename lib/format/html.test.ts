import { describe, expect, it } from "vitest";
import { attrs, escapeHtml, markup } from "./html";

describe("markup written as a string", () => {
  it("escapes every interpolated text and attribute value", () => {
    const name = `<img src=x onerror="alert('x')"> & co`;
    expect(markup`<td title="${name}">${name}</td>`.markup).toBe(
      '<td title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co">' +
        "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co</td>",
    );
    expect(escapeHtml("Ngọc Thụy")).toBe("Ngọc Thụy");
  });

  it("keeps nested markup and arrays of it, and leaves nothing for null, undefined and false", () => {
    const cells = ["a<b", "c"].map((t) => markup`<td>${t}</td>`);
    expect(markup`<tr>${cells}${null}${undefined}${false}${0}</tr>`.markup).toBe("<tr><td>a&lt;b</td><td>c</td>0</tr>");
  });

  it("writes attributes: strings and numbers escaped, true as a bare name, the rest left out", () => {
    expect(attrs({ "data-unit": `a"b`, "data-value": true, "data-demo": null, hidden: false, n: 3 }).markup).toBe(
      ' data-unit="a&quot;b" data-value n="3"',
    );
  });
});
