import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager } from "./pager";

const render = (page: number, pageCount: number) =>
  renderToStaticMarkup(<Pager label="Phân trang" page={page} pageCount={pageCount} hrefOf={(p) => `/?trang=${p}`} />);

describe("Pager", () => {
  it("shows nothing when the list fits on one page", () => {
    expect(render(1, 1)).toBe("");
  });
  it("links the neighbouring pages only, with the position in Vietnamese numbers", () => {
    const first = render(1, 1200);
    expect(first).toContain("Trang 1/1.200");
    expect(first).not.toContain("Trang trước");
    expect(first).toContain('href="/?trang=2"');
    const middle = render(2, 3);
    expect(middle).toContain('href="/?trang=1"');
    expect(middle).toContain('href="/?trang=3"');
    expect(render(3, 3)).not.toContain("Trang sau");
  });
});
