/**
 * The first index in `0..length` at which `before` is false, where `before` holds for a prefix
 * of the indexes and not after it (Rust's `partition_point`): a bisection. With `before(i)` as
 * `sorted[i] < x`, it counts the items below `x`; as `sorted[i] <= x`, those at or below it.
 */
export declare function partitionPoint(length: number, before: (index: number) => boolean): number;
