import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("refuses short, common, repeated and name-containing passwords", () => {
    expect(passwordProblem("ngắn-quá")).toMatch(/ít nhất 10/);
    expect(passwordProblem("1234567890")).toMatch(/phổ biến/);
    expect(passwordProblem("MatKhau123")).toMatch(/phổ biến/);
    expect(passwordProblem("aaaaaaaaaaaa")).toMatch(/lặp lại/);
    expect(passwordProblem("nguyenvana-2026!", { username: "nguyenvana" })).toMatch(/tên đăng nhập/);
  });

  it("accepts a long uncommon passphrase (counted in characters, not bytes)", () => {
    expect(passwordProblem("sông Hồng mùa thu")).toBeNull();
    expect(passwordProblem("đồng-hồ-cát")).toBeNull();
  });
});
