import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("refuses short, common, repeated and name-containing passwords", async () => {
    expect(await passwordProblem("ngắn-quá")).toMatch(/ít nhất 10/);
    expect(await passwordProblem("1234567890")).toMatch(/phổ biến/);
    expect(await passwordProblem("MatKhau123")).toMatch(/phổ biến/);
    expect(await passwordProblem("aaaaaaaaaaaa")).toMatch(/lặp lại|phổ biến/);
    expect(await passwordProblem("nguyenvana-2026!", { username: "nguyenvana" })).toMatch(/tên đăng nhập/);
  });

  it("refuses every one of the 10 000 most common passwords of the maintained list (and the rest of it)", async () => {
    const list = dictionary["passwords-common"];
    expect(list.length).toBeGreaterThanOrEqual(10_000);
    const accepted: string[] = [];
    for (const p of list) if ((await passwordProblem(p)) === null) accepted.push(p);
    expect(accepted).toEqual([]);
    // e.g. long entries a hand list of 85 did not have
    for (const p of ["q1w2e3r4t5", "basketball", "manchester", "123qweasdzxc", "Q1W2E3R4T5Y6"])
      expect(await passwordProblem(p), p).toMatch(/phổ biến/);
  });

  it("refuses a common password with digits or symbols added at the end", async () => {
    for (const p of ["password2026!", "Dragon@123456", "iloveyou-2025", "anhyeuem2026"])
      expect(await passwordProblem(p), p).toMatch(/phổ biến/);
  });

  it("accepts a long uncommon passphrase (counted in characters, not bytes)", async () => {
    expect(await passwordProblem("sông Hồng mùa thu")).toBeNull();
    expect(await passwordProblem("đồng-hồ-cát")).toBeNull();
    expect(await passwordProblem("mật-khẩu-thử-nghiệm-2026")).toBeNull();
  });
});
