/**
 * How much of a long list both Actions' job summaries show. GitHub caps one step's summary at
 * 1 MiB: past it the runner uploads none of it and adds an error annotation ("$GITHUB_STEP_SUMMARY
 * upload aborted, supports content up to a size of 1024k"). A fleet-wide bump is the run whose
 * summary matters most, so a list that would not fit shows its first items and says how many more
 * there are and where they all are.
 */
import * as core from "@actions/core";
import { counted } from "../text/counted.js";

/** GitHub's cap on one step's summary, in bytes of the file. */
export const SUMMARY_LIMIT = 1024 * 1024;

/** What a summary's lists may take together: the cap less a margin for the rest (headings, the lines around the lists). */
export const SUMMARY_BUDGET = SUMMARY_LIMIT - 64 * 1024;

/** UTF-8 bytes, as the runner measures the file. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** core.summary wraps each table cell, table row and list item in a pair of tags: `<td></td>`, `<tr></tr>`, `<li></li>`. */
const TAGS = "<td></td>".length;

/** A table row's bytes as core.summary.addTable writes it. */
export function rowBytes(cells: readonly string[]): number {
  return cells.reduce((bytes, cell) => bytes + byteLength(cell) + TAGS, TAGS);
}

/** A list item's bytes as core.summary.addList writes it. */
export function itemBytes(item: string): number {
  return byteLength(item) + TAGS;
}

export interface Fitting<T> {
  readonly shown: readonly T[];
  readonly omitted: readonly T[];
  /** What the shown items take. */
  readonly bytes: number;
}

/** The first of `items` that fit in `budget` bytes, in order, each taking `size(item)`; and those that do not. */
export function firstFitting<T>(items: readonly T[], budget: number, size: (item: T) => number): Fitting<T> {
  let bytes = 0;
  for (const [i, item] of items.entries()) {
    const next = bytes + size(item);
    if (next > budget) return { shown: items.slice(0, i), omitted: items.slice(i), bytes };
    bytes = next;
  }
  return { shown: items, omitted: [], bytes };
}

/** `text` cut to at most `budget` bytes, at the end of a character; undefined when it fits whole. */
export function cutToBytes(text: string, budget: number): string | undefined {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= budget) return undefined;
  // A stream decoder holds back a character cut in two rather than decode half of it.
  return new TextDecoder().decode(bytes.subarray(0, budget), { stream: true });
}

/**
 * How many times longer a text may get marked up, at most: escaping makes `&` `&amp;`, a code span
 * makes `` `a` `` `<code>a</code>`. A text cut to its share of the budget over this fits marked up.
 */
export const MARKUP_GROWTH = 5;

/** The line under a list cut short: how many more (`more`, HTML), and where every one is (`where`, HTML). */
export function leftOut(more: string, where: string): string {
  return `… and ${more}, left out of this summary: GitHub drops a step's summary past 1 MiB. ${where}`;
}

/** The items that fit, as a list, then the line saying how many more `noun`s there are and where every one is (`where`, HTML). */
export function addFittedList(list: Fitting<string>, noun: string, where: string): void {
  if (list.shown.length > 0) core.summary.addList([...list.shown]);
  const more = list.omitted.length;
  if (more > 0) core.summary.addRaw(leftOut(counted(more, `more ${noun}`), where), true);
}

/** "This run's warnings:" and those that fit (HTML), when there are any. Every warning is in the log too, as an annotation: the summary may show the first ones only. */
export function addWarnings(warnings: Fitting<string>): void {
  if (warnings.shown.length + warnings.omitted.length === 0) return;
  core.summary.addRaw("This run's warnings:", true);
  addFittedList(warnings, "warning", "This step's log has every one.");
}
