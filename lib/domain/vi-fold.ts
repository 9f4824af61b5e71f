/**
 * A search key that ignores Vietnamese diacritics and case: "Ngọc Thụy" and "ngoc thuy" fold to the
 * same text. The database's vi_fold() (migration 20261203090000_vi_fold) computes the same key, so a
 * search typed here matches rows filtered in SQL.
 */
export function viFold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .normalize("NFC");
}
