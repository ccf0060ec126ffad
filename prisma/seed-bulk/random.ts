// Deterministic "randomness" for the bulk seed: every choice is a pure function of a row's index and a salt, so each
// kind of history can recompute what another decided (the mailing module knows who unsubscribed through it without
// holding a million plans in memory) and two runs of the same N make the same register.

/** A number in [0, 1) from an index and a salt (an integer hash with good avalanche, not a cryptographic one). */
export function rand(i: number, salt: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x27d4eb2f, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** A choice weighted by `weights` (need not sum to 1), from a number in [0, 1). */
export function weighted<T>(options: readonly (readonly [T, number])[], r: number): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [value, w] of options) {
    if (x < w) return value;
    x -= w;
  }
  return options[options.length - 1]![0];
}

export const DAY_MS = 86_400_000;
