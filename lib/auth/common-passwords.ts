// Common passwords, from a maintained list: the "passwords-common" dictionary of
// @zxcvbn-ts/language-common (pinned in package.json; 49 233 passwords of public leak corpora, most
// frequent first), plus the Vietnamese words such lists miss. Loaded once, on first use, from the
// package inside node_modules (nothing is downloaded). Lower-case; compared lower-cased.

/** Vietnamese favourites (typed without diacritics), and this app's own names. */
const VIETNAMESE = [
  "matkhau",
  "matkhaumoi",
  "anhyeuem",
  "emyeuanh",
  "yeuem",
  "toiyeuvietnam",
  "vietnam",
  "khongbiet",
  "hanoi",
  "saigon",
  "longbien",
  "ngocthuy",
  "chuongtrinh",
  "quanuy",
  "danguy",
  "phuong",
];

let loaded: Promise<ReadonlySet<string>> | undefined;

export function commonPasswords(): Promise<ReadonlySet<string>> {
  loaded ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set([...dictionary["passwords-common"].map((p) => p.toLowerCase()), ...VIETNAMESE]),
  );
  return loaded;
}
