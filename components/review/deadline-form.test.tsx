// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DeadlineForm } from "./deadline-form";

vi.mock("@/lib/actions/review", () => ({ saveDeadline: vi.fn() }));
afterEach(cleanup);

describe("DeadlineForm", () => {
  it("shows the deadline as dd/mm/yyyy whatever the browser's language (no date input)", () => {
    render(<DeadlineForm district="long-bien" year={2020} dueOn="2021-03-31" version={2} />);
    const input = screen.getByLabelText("Hạn nộp số liệu năm 2020") as HTMLInputElement;
    expect(input.type).toBe("text");
    expect(input.value).toBe("31/03/2021");
    expect(input.placeholder).toBe("dd/mm/yyyy");
  });
});
