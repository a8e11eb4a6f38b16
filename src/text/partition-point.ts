/**
 * The first index in `0..length` at which `before` is false, where `before` holds for a prefix
 * of the indexes and not after it (Rust's `partition_point`): a bisection. With `before(i)` as
 * `sorted[i] < x`, it counts the items below `x`; as `sorted[i] <= x`, those at or below it.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
