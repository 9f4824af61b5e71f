import { describe, expect, it } from "vitest";
import { distinctLabels, shortLabel } from "./labels";

describe("chart labels that can be told apart", () => {
  const a = "Kiểm tra, giám sát chuyên đề đối với chi bộ";
  const b = "Kiểm tra, giám sát chuyên đề đối với đảng viên";

  it("keeps the start and the end of a long name, within the width", () => {
    const l = shortLabel(a, 28);
    expect(l.length).toBeLessThanOrEqual(28);
    expect(l.startsWith("Kiểm tra, giám")).toBe(true);
    expect(l.endsWith("với chi bộ")).toBe(true);
    expect(shortLabel("Số hộ", 28)).toBe("Số hộ");
  });

  it("two names that start alike get different labels (not 'Kiểm tra, giám sát chuyên đ…' twice)", () => {
    const [la, lb] = distinctLabels([a, b], 28);
    expect(la).not.toBe(lb);
    expect(lb.endsWith("đảng viên")).toBe(true);
  });

  it("names that differ only in the middle are lengthened until they differ", () => {
    const x = "Số cuộc kiểm tra của chi bộ số một về chấp hành điều lệ đảng";
    const y = "Số cuộc kiểm tra của chi bộ số hai về chấp hành điều lệ đảng";
    const [lx, ly] = distinctLabels([x, y], 20);
    expect(lx).not.toBe(ly);
  });
});
