import { describe, expect, it } from "vitest";
import type { SourceRef } from "@/lib/domain/indicator-summary";
import { commonSource, ownSources } from "./common-source";

const report: SourceRef = { key: "bc", title: "Báo cáo của Đảng ủy phường", issuedOn: "2019-11-05", kind: "REPORT" };
const entry: SourceRef = { key: "entry", title: "Số liệu do phường nhập", issuedOn: null, kind: "ENTRY" };
const demo: SourceRef = { key: "demo", title: "Dữ liệu minh họa", issuedOn: null, kind: "DEMO" };

describe("commonSource", () => {
  it("names the document most figures stand on alone, so that rows need not repeat it", () => {
    const rows = [{ sources: [report] }, { sources: [report] }, { sources: [entry] }, { sources: [demo] }];
    expect(commonSource(rows)).toBe(report);
    expect(ownSources([report], report)).toEqual([]);
    expect(ownSources([entry], report)).toEqual([entry]);
    // a figure combining two documents names both
    expect(ownSources([report, entry], report)).toEqual([report, entry]);
  });

  it("names none for a single figure or demo data", () => {
    expect(commonSource([{ sources: [report] }, { sources: [] }])).toBeNull();
    expect(commonSource([{ sources: [demo] }, { sources: [demo] }])).toBeNull();
    expect(ownSources([report], null)).toEqual([report]);
  });
});
