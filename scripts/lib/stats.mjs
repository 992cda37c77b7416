// Statistics shared by the analyzer's training and evaluation scripts.

/** Pearson correlation of two equally long numeric arrays (0 when either is constant). */
export function pearson(a, b) {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let s = 0, sa = 0, sb = 0;
  for (let i = 0; i < n; i++) { s += (a[i] - ma) * (b[i] - mb); sa += (a[i] - ma) ** 2; sb += (b[i] - mb) ** 2; }
  return sa === 0 || sb === 0 ? 0 : s / Math.sqrt(sa * sb);
}
