// @vitest-environment happy-dom
// The entry form's state below the e2e tests: the local draft kept and offered back, a conflict
// shown and resolved, and the resend carrying the newest version.
import { act, cleanup, renderHook } from "@testing-library/react";
import { startTransition } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryCell, EntryGrid, EntryIndicator } from "@/lib/domain/entry-grid";
import type { ActionResult } from "@/lib/result";
import type { SaveEntryData } from "@/lib/actions/entry";
import { useEntry } from "./use-entry";

const saveEntry = vi.hoisted(() => vi.fn<(prev: null, form: FormData) => Promise<ActionResult<SaveEntryData>>>());
vi.mock("@/lib/actions/entry", () => ({ saveEntry }));

const indicator = (code: string, name: string): EntryIndicator => ({
  code,
  name,
  unit: "hồ sơ",
  valueType: "COUNT",
  depth: 0,
  parentCode: null,
  description: null,
  target: null,
  derivedFrom: null,
});

const cell = (indicatorCode: string, value: string | null, version: number): EntryCell => ({
  unit: "ngoc-thuy",
  indicator: indicatorCode,
  value,
  qualifier: "EXACT",
  note: null,
  outlierConfirmed: false,
  version,
  origin: { kind: "empty" },
  lastYear: null,
});

const grid: EntryGrid = {
  ward: { slug: "ngoc-thuy", name: "Phường Ngọc Thụy", shortName: "Ngọc Thụy" },
  year: 2020,
  term: { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 },
  programme: { code: "03-CTr/QU", slug: "03-CTr-QU", title: "Chương trình 03" },
  sections: [{ code: "I", name: "Mục I", indicators: [indicator("a", "Hồ sơ A"), indicator("b", "Hồ sơ B")] }],
  groupIndicators: [],
  groups: [],
  rules: [],
  submission: { status: "DRAFT", version: 1 },
  cells: { "ngoc-thuy:a": cell("a", "12", 2), "ngoc-thuy:b": cell("b", null, 0) },
  history: {},
};
const editableKeys = ["ngoc-thuy:a", "ngoc-thuy:b"];

function renderEntry(form: HTMLFormElement | null = null) {
  return renderHook(() => useEntry({ grid, page: "phuong", editableKeys, userId: "u1", readOnly: false, form }));
}

/** The rows a call to saveEntry sent. */
const sentRows = (call: number) =>
  JSON.parse(String(saveEntry.mock.calls[call][1].get("payload"))).rows as Array<Record<string, unknown>>;

async function save(result: { current: ReturnType<typeof useEntry> }) {
  await act(async () => {
    startTransition(() => result.current.saveAction(new FormData()));
  });
}

beforeEach(() => {
  window.localStorage.clear();
  saveEntry.mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("useEntry: the local draft", () => {
  it("keeps typed values in the browser and offers them back after a reload", async () => {
    vi.useFakeTimers();
    const first = renderEntry();
    act(() => first.result.current.setRow("ngoc-thuy:a", { raw: "15", note: "bổ sung" }));
    await act(async () => {
      vi.advanceTimersByTime(400);
    });
    first.unmount();

    // a reload: the page starts from the saved values and offers the draft
    const second = renderEntry();
    expect(second.result.current.rows["ngoc-thuy:a"].raw).toBe("12");
    expect(second.result.current.draftOffer?.rows["ngoc-thuy:a"]).toMatchObject({ raw: "15", note: "bổ sung" });

    act(() => second.result.current.restoreDraft());
    expect(second.result.current.rows["ngoc-thuy:a"]).toMatchObject({ raw: "15", note: "bổ sung" });
    expect(second.result.current.changedKeys).toEqual(["ngoc-thuy:a"]);
    expect(second.result.current.status?.text).toContain("Đã khôi phục bản nháp");
  });

  it("offers nothing when the stored draft equals what the page shows", async () => {
    vi.useFakeTimers();
    const first = renderEntry();
    act(() => first.result.current.setRow("ngoc-thuy:a", { raw: "12" }));
    await act(async () => {
      vi.advanceTimersByTime(400);
    });
    first.unmount();
    expect(renderEntry().result.current.draftOffer).toBeNull();
  });
});

describe("useEntry: saving and conflicts", () => {
  it("sends only the changed row with the version it started from, then keeps the new version", async () => {
    saveEntry.mockResolvedValueOnce({
      ok: true,
      message: "Đã lưu nháp (1 giá trị thay đổi).",
      data: { saved: [{ unit: "ngoc-thuy", indicator: "a", version: 3, value: "15" }] },
    });
    const { result } = renderEntry();
    act(() => result.current.setRow("ngoc-thuy:a", { raw: "15" }));
    await save(result);
    expect(sentRows(0)).toEqual([
      expect.objectContaining({ unit: "ngoc-thuy", indicator: "a", raw: "15", baseVersion: 2 }),
    ]);
    expect(result.current.versions["ngoc-thuy:a"]).toBe(3);
    expect(result.current.changedKeys).toEqual([]);
    expect(result.current.status).toEqual({ kind: "ok", text: "Đã lưu nháp (1 giá trị thay đổi)." });
  });

  it("keeps the typed value when the server cannot be reached", async () => {
    saveEntry.mockRejectedValueOnce(new Error("network"));
    const { result } = renderEntry();
    act(() => result.current.setRow("ngoc-thuy:a", { raw: "15" }));
    await save(result);
    expect(result.current.status?.kind).toBe("offline");
    expect(result.current.rows["ngoc-thuy:a"].raw).toBe("15");
    expect(result.current.changedKeys).toEqual(["ngoc-thuy:a"]);
  });

  const conflict: ActionResult<SaveEntryData> = {
    ok: false,
    code: "conflict",
    message: "Có 1 giá trị vừa được người khác lưu.",
    data: {
      conflicts: [
        {
          unit: "ngoc-thuy",
          indicator: "a",
          theirs: { value: "14", qualifier: "EXACT", note: "sửa", version: 5, byName: "Cán bộ B", at: "2020-12-01" },
        },
      ],
    },
  };

  it("shows a conflict, takes their value, and sends nothing more", async () => {
    saveEntry.mockResolvedValueOnce(conflict);
    const form = { requestSubmit: vi.fn() } as unknown as HTMLFormElement;
    const { result } = renderEntry(form);
    act(() => result.current.setRow("ngoc-thuy:a", { raw: "15" }));
    await save(result);
    expect(result.current.conflicts).toHaveLength(1);
    expect(result.current.status?.text).toBe("Có 1 giá trị vừa được người khác lưu.");
    expect(result.current.rows["ngoc-thuy:a"].raw).toBe("15");

    act(() => result.current.resolveConflicts({ "ngoc-thuy:a": "theirs" }));
    expect(result.current.conflicts).toBeNull();
    expect(result.current.rows["ngoc-thuy:a"]).toMatchObject({ raw: "14", note: "sửa" });
    expect(result.current.changedKeys).toEqual([]);
    expect(result.current.versions["ngoc-thuy:a"]).toBe(5);
    expect(form.requestSubmit).not.toHaveBeenCalled();
  });

  it("keeping my value resends it with the newest version", async () => {
    saveEntry.mockResolvedValueOnce(conflict).mockResolvedValueOnce({
      ok: true,
      message: "Đã lưu nháp (1 giá trị thay đổi).",
      data: { saved: [{ unit: "ngoc-thuy", indicator: "a", version: 6, value: "15" }] },
    });
    let hook: { current: ReturnType<typeof useEntry> } | null = null;
    const form = {
      requestSubmit: vi.fn(() => startTransition(() => hook!.current.saveAction(new FormData()))),
    } as unknown as HTMLFormElement;
    const { result } = renderEntry(form);
    hook = result;
    act(() => result.current.setRow("ngoc-thuy:a", { raw: "15" }));
    await save(result);

    await act(async () => {
      result.current.resolveConflicts({ "ngoc-thuy:a": "mine" });
    });
    expect(form.requestSubmit).toHaveBeenCalledTimes(1);
    expect(saveEntry).toHaveBeenCalledTimes(2);
    expect(sentRows(1)).toEqual([expect.objectContaining({ indicator: "a", raw: "15", baseVersion: 5 })]);
    expect(result.current.versions["ngoc-thuy:a"]).toBe(6);
    expect(result.current.status?.kind).toBe("ok");
  });
});
