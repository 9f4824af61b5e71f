/**
 * A name shortened to at most `max` characters keeping its start and its end ("Kiểm tra, giám sát
 * chuy…đối với chi bộ"): names of one section often start alike and differ at the end.
 */
export function shortLabel(name: string, max: number): string {
  if (name.length <= max) return name;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${name.slice(0, head).trimEnd()}…${name.slice(name.length - tail).trimStart()}`;
}

/** Short labels of the names, lengthened where two would read the same, so that each can be told apart. */
export function distinctLabels(names: string[], max: number): string[] {
  const labels = names.map((n) => shortLabel(n, max));
  for (let width = max + 4; ; width += 4) {
    const seen = new Map<string, number>();
    labels.forEach((l) => seen.set(l, (seen.get(l) ?? 0) + 1));
    const clashing = labels.map((l, i) => (seen.get(l)! > 1 && labels[i] !== names[i] ? i : -1)).filter((i) => i >= 0);
    if (clashing.length === 0) return labels;
    for (const i of clashing) labels[i] = shortLabel(names[i], width);
  }
}
