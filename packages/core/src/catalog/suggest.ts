/**
 * "Did you mean": edit distance on lower-cased names, plus one rule for the typo that edit
 * distance scores badly: a dotted segment too many or too few (`Mail.Send.All` for `Mail.Send`).
 */

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** 1 when one name is the other with one dotted segment added or removed, else Infinity. */
function segmentDistance(a: string, b: string): number {
  const [shorter, longer] = a.length <= b.length ? [a.split('.'), b.split('.')] : [b.split('.'), a.split('.')];
  if (longer.length !== shorter.length + 1) return Number.POSITIVE_INFINITY;
  for (let skip = 0; skip < longer.length; skip++) {
    const without = longer.filter((_, index) => index !== skip);
    if (without.every((segment, index) => segment === shorter[index])) return 1;
  }
  return Number.POSITIVE_INFINITY;
}

export function suggestNames(query: string, names: readonly string[], limit: number): string[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '' || limit <= 0) return [];
  const threshold = Math.max(2, Math.floor(wanted.length / 3));
  return names
    .map((name) => {
      const lower = name.toLowerCase();
      const edit = editDistance(wanted, lower);
      return { name, edit, distance: Math.min(edit, segmentDistance(wanted, lower)) };
    })
    .filter((entry) => entry.distance <= threshold)
    // On a tie, the closer spelling wins: `User.Read.Al` is User.Read.All (one letter) before User.Read (one segment).
    .sort((a, b) => a.distance - b.distance || a.edit - b.edit || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.name);
}
