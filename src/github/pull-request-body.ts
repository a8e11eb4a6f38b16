/**
 * The pull request's title and body: every value it changes, across the runs that built it.
 * The body's table is read back from the body we wrote, so each run adds its rows to the
 * earlier runs' rather than replacing them.
 */
import type { Change } from "../change.js";
import { DEFAULT_SUBJECT_TYPE, imageVersion, promotion, writtenPart } from "../engine/commit-message.js";
import { formatImageRef, isDigest, isTag, tryParseImageRef, type ImageRef } from "../image/reference.js";

/** One row of the body's table: a value the pull request changes, and the incoming image that set it (none for a `set` override). */
export interface ChangeRow {
  readonly file: string;
  readonly line: number;
  readonly key: string;
  readonly old: string;
  readonly new: string;
  readonly image: string | undefined;
}

const TABLE_HEADER = "| File | Field | Old | New | Image |";
const FOOTER = "_Opened by gitops-promote._";
/** Not rendered: the commit of the pull-request branch the table describes, for the next run to tell whether the body is up to date. */
const DESCRIBES = /^<!-- gitops-promote: describes ([0-9a-f]{40,64}) -->$/m;
const ROW = /^\| `([^`]+):(\d+)` \| `([^`]*)` \| `([^`]*)` \| `([^`]*)` \| (?:`([^`]+)`)? \|$/;

/** The row of `change`, naming the incoming image it writes as the commit message's subject does (the same repository, or its tag or digest). */
export function changeRow(change: Change, images: readonly ImageRef[]): ChangeRow {
  const image = images.find((i) => writtenPart(change.new, i) === "reference") ?? images.find((i) => writtenPart(change.new, i) !== undefined);
  return { file: change.file, line: change.line, key: change.key, old: change.old, new: change.new, image: image && formatImageRef(image) };
}

/** The rows of a body this module wrote (none from any other body: a person's, or the `body` input's). */
export function bodyRows(body: string | null | undefined): ChangeRow[] {
  if (!body?.includes(TABLE_HEADER) || !body.includes(FOOTER)) return [];
  return body.split("\n").flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [{ file: m[1]!, line: Number(m[2]), key: m[3]!, old: m[4]!, new: m[5]!, image: m[6] && imageOfCell(m[6], m[5]!) }] : [];
  });
}

/** The commit a body this module wrote describes; undefined for any other body, or one written before bodies named it. */
export function describedCommit(body: string | null | undefined): string | undefined {
  return body?.includes(FOOTER) ? DESCRIBES.exec(body)?.[1] : undefined;
}

/**
 * The Image column names the repository, as New already shows the version: the whole
 * reference, or the tag or digest of the image. The incoming image is given in full only when
 * New does not show all of it (a digest-pinned tag written to a tag field), as the title needs it.
 */
function imageCell(image: string, value: string): string {
  const name = tryParseImageRef(image)?.name;
  return name !== undefined && withValue(name, value) === image ? name : image;
}

/** The incoming image a cell names: as written, or its repository with the row's New. */
function imageOfCell(cell: string, value: string): string {
  const ref = tryParseImageRef(cell);
  return ref && ref.tag === undefined && ref.digest === undefined ? withValue(cell, value) : cell;
}

/** The image `name` with `value`, a field's tag or digest; or `value` itself, a whole reference. */
function withValue(name: string, value: string): string {
  return isDigest(value) ? `${name}@${value}` : isTag(value) ? `${name}:${value}` : value;
}

/**
 * What the pull request changes after this run: `earlier` rows (its body's) of the files it
 * still changes, `now` (this run's) replacing those of the same file and field; by file and line.
 */
export function cumulativeRows(earlier: readonly ChangeRow[], now: readonly ChangeRow[], changedFiles: ReadonlySet<string>): ChangeRow[] {
  const fields = new Set(now.map(fieldOf));
  const kept: ChangeRow[] = [];
  for (const row of earlier) {
    if (!changedFiles.has(row.file) || fields.has(fieldOf(row))) continue;
    fields.add(fieldOf(row)); // each field once
    kept.push(row);
  }
  return [...kept, ...now].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

function fieldOf(row: ChangeRow): string {
  return `${row.file}\0${row.key}`;
}

/**
 * The message's body, the build that asked for the promotion (`requested`, a line of markdown),
 * the table of every changed value for the reviewer, and the files the branch changes besides (a person's edits);
 * naming `commit`, the branch's head it describes.
 */
export function pullRequestBody(intro: string, rows: readonly ChangeRow[], otherFiles: readonly string[], requested?: string, commit?: string): string {
  const cell = (text: string) => `\`${text}\``;
  const lines = rows.map(
    (r) =>
      `| ${cell(`${r.file}:${r.line}`)} | ${cell(r.key)} | ${cell(r.old)} | ${cell(r.new)} | ${r.image === undefined ? "" : cell(imageCell(r.image, r.new))} |`,
  );
  // No rows (the branch holds newer values than this run's in every file): no empty table, the files say what it changes.
  const table = rows.length === 0 ? [] : [TABLE_HEADER, "| --- | --- | --- | --- | --- |", ...lines, ""];
  const others =
    otherFiles.length === 0
      ? []
      : [`${rows.length === 0 ? "On this branch" : "Also on this branch"}, from its earlier commits: ${otherFiles.map(cell).join(", ")}.`, ""];
  return (
    [intro, "", ...(requested === undefined ? [] : [requested, ""]), ...table, ...others, FOOTER].join("\n").trim() +
    "\n" +
    (commit === undefined ? "" : `<!-- gitops-promote: describes ${commit} -->\n`)
  );
}

const MAX_SUBJECT = 120;

/**
 * Our title tells what the rows set, as one run's commit subject tells only that run's: every
 * image with its versions when there are several images or versions (`imagesTitle`); under our
 * default subject, the one image from the versions the rows replaced (`chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4`);
 * else the subject, a template's, which is the user's. With the target
 * whose own pull request it is, when given (`chore(deploy): production: ghcr.io/acme/app 1.2.3 -> 1.3.0`),
 * so the pull requests one run opens for its targets are told apart in the list.
 */
export function pullRequestTitle(rows: readonly ChangeRow[], subject: string, target: string | undefined): string {
  const title = imagesTitle(rows) ?? (subject.startsWith(DEFAULT_SUBJECT_TYPE) ? promotionTitle(rows) : undefined) ?? subject;
  return target !== undefined && title.startsWith(DEFAULT_SUBJECT_TYPE)
    ? `${DEFAULT_SUBJECT_TYPE}${target}: ${title.slice(DEFAULT_SUBJECT_TYPE.length)}`
    : title;
}

/**
 * A title naming every image the rows set with its versions, when there are several images or
 * versions: `chore(deploy): ghcr.io/acme/api 2.0.1, ghcr.io/acme/app 1.2.4`,
 * `chore(deploy): ghcr.io/acme/app 1.2.4 and 1.3.0-rc.1` (a version for each target), or
 * `chore(deploy): 12 images` when that is too long. undefined for one image at one version, or none.
 */
export function imagesTitle(rows: readonly ChangeRow[]): string | undefined {
  const versions = new Map<string, Set<string>>();
  for (const { image } of imageRows(rows)) versions.set(image.name, (versions.get(image.name) ?? new Set()).add(imageVersion(image)));
  if ([...versions.values()].reduce((n, set) => n + set.size, 0) < 2) return undefined;
  const names = [...versions.keys()].sort();
  const subject = names.map((name) => `${name} ${[...versions.get(name)!].sort().join(" and ")}`).join(", ");
  return `${DEFAULT_SUBJECT_TYPE}${subject.length <= MAX_SUBJECT ? subject : `${names.length} images`}`;
}

/** `chore(deploy): <image> <old>[, <old>] -> <new>` for the rows of one image at one version, as its commit subject says it; undefined for none. */
function promotionTitle(rows: readonly ChangeRow[]): string | undefined {
  const promoted = imageRows(rows);
  const image = promoted[0]?.image;
  const rowsOfImage = promoted.map((p) => p.row);
  const subject = image && promotion(image, rowsOfImage);
  return subject && `${DEFAULT_SUBJECT_TYPE}${subject}`;
}

/** The rows that set an incoming image, with it. */
function imageRows(rows: readonly ChangeRow[]): { row: ChangeRow; image: ImageRef }[] {
  return rows.flatMap((row) => {
    const image = row.image === undefined ? undefined : tryParseImageRef(row.image);
    return image ? [{ row, image }] : [];
  });
}
