/**
 * Design effect of a mean over clustered observations (e.g. several contacts of one account):
 * the cluster-robust variance of the mean over the simple-random-sampling variance, with the
 * usual small-sample factors G/(G−1) and n/(n−1). At least 1 (never narrows an interval); 1 when
 * there is no variation or only one cluster. Multiply a variance by it, or divide n by it.
 */
export function designEffect(values: readonly number[], clusterKeys: readonly string[]): number {
  const n = values.length;
  if (n < 2) return 1;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const clusterSums = new Map<string, number>();
  let squares = 0;
  values.forEach((value, i) => {
    const residual = value - mean;
    squares += residual * residual;
    const key = clusterKeys[i] ?? `#${i}`;
    clusterSums.set(key, (clusterSums.get(key) ?? 0) + residual);
  });
  const clusters = clusterSums.size;
  if (squares === 0 || clusters < 2) return 1;
  let clustered = 0;
  for (const sum of clusterSums.values()) clustered += sum * sum;
  const ratio = ((clusters / (clusters - 1)) * clustered) / ((n / (n - 1)) * squares);
  return Math.max(1, ratio);
}
