/**
 * The pull request's title and body: every value it changes, across the runs that built it.
 * The body's table is read back from the body we wrote, so each run adds its rows to the
 * earlier runs' rather than replacing them, and the title tells what the rows hold, whichever run wrote them.
 */
import { valueAfter, valueBefore, type Change } from "../change.js";
import { DEFAULT_SUBJECT_TYPE, promotion, writtenPart, writtenVersion } from "../engine/commit-message.js";
import { formatImageRef, isDigest, isTag, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { cappedList } from "../text/and-list.js";
import { counted } from "../text/counted.js";

/**
 * One row of the body's table: a value the pull request changes, the incoming image that set it
 * (none for a `set` override), and the configured target it was changed for (none for a file in no target).
 */
export interface ChangeRow {
  readonly target?: string;
  readonly file: string;
  readonly line: number;
  readonly key: string;
  readonly old: string;
  readonly new: string;
  /** A field created (no Old) or deleted (no New), as the change says (FieldChange.op). */
  readonly op?: Change["op"];
  readonly image: string | undefined;
}

const COLUMNS = ["File", "Field", "Old", "New", "Image"];
/** In every table's header: one whose rows were changed for targets has a Target column before it. */
const TABLE_HEADER = `| ${COLUMNS.join(" | ")} |`;
const FOOTER = "_Opened by gitops-promote._";
/** Not rendered: the commit of the pull-request branch the table describes, for the next run to tell whether the body is up to date. */
const DESCRIBES = /^<!-- gitops-promote: describes ([0-9a-f]{40,64}) -->$/m;
/** No Old (a field created) or no New (a field deleted), told as no value rather than as a code span. */
const NONE = "(none)";
/** An empty string (a digest emptied, a value set to ""), told as one rather than as an empty code span; cellText writes every `"` as a reference. */
const EMPTY = '""';
/**
 * A row: its cells are `<code>` elements holding `cellText`, a Target cell (when there is one) is
 * that text alone; an Old or New is NONE where there is no value, and an empty string EMPTY, or
 * an empty `<code>` as earlier versions wrote it (which wrote NONE for an empty string too).
 */
const ROW =
  /^\| (?:([^|<`]*) \| )?<code>([^<|]+):(\d+)<\/code> \| <code>([^<|]*)<\/code> \| (?:<code>([^<|]*)<\/code>|\(none\)) \| (?:<code>([^<|]*)<\/code>|\(none\)) \| (?:<code>([^<|]+)<\/code>)? \|$/;
/** A row as earlier versions wrote it, in code spans taken as written: still read, from the pull requests they opened. */
const BACKTICK_ROW = /^\| (?:([^|`]*) \| )?`([^`]+):(\d+)` \| `([^`]*)` \| `([^`]*)` \| `([^`]*)` \| (?:`([^`]+)`)? \|$/;

/** The row of `change`, naming the incoming image it writes as the commit message's subject does (the same repository, or its tag or digest). */
export function changeRow(change: Change, images: readonly ImageRef[]): ChangeRow {
  const image = images.find((i) => writtenPart(change.new, i) === "reference") ?? images.find((i) => writtenPart(change.new, i) !== undefined);
  return {
    ...(change.target !== undefined && { target: change.target }),
    file: change.file,
    line: change.line,
    key: change.key,
    old: change.old,
    new: change.new,
    ...(change.op !== undefined && { op: change.op }),
    image: image && formatImageRef(image),
  };
}

/**
 * The rows of one file's `changes`. A digest emptied because the incoming image came without one
 * names no image by its value: it takes the image of the field beside it (its tag, under the same
 * parent key in the same object), as it was emptied for that image.
 */
export function changeRows(changes: readonly Change[], images: readonly ImageRef[]): ChangeRow[] {
  const rows = changes.map((c) => changeRow(c, images));
  return rows.map((row, i) => {
    const c = changes[i]!;
    if (row.image !== undefined || c.new !== "" || c.op !== undefined || !isDigest(c.old)) return row;
    const beside = rows.find((r, j) => r.image !== undefined && parentKey(r.key) === parentKey(c.key) && sameObject(changes[j]!, c));
    return beside ? { ...row, image: beside.image } : row;
  });
}

/** What holds a field: `images[0]` of `images[0].digest`, `flux-system:app` of the setter `flux-system:app:digest`. */
function parentKey(key: string): string {
  return key.slice(0, Math.max(key.lastIndexOf("."), key.lastIndexOf(":"), 0));
}

function sameObject(a: Change, b: Change): boolean {
  return JSON.stringify(a.object ?? null) === JSON.stringify(b.object ?? null);
}

/** The rows of a body this module wrote (none from any other body: a person's, or the `body` input's), not of the text its intro shows. */
export function bodyRows(body: string | null | undefined): ChangeRow[] {
  if (!body?.includes(TABLE_HEADER) || !body.includes(FOOTER)) return [];
  return afterIntro(body.split("\n")).flatMap((text) => {
    const escaped = ROW.exec(text);
    const m = escaped ?? BACKTICK_ROW.exec(text);
    if (!m) return [];
    const [target, file, line, key, old, value, image] = m.slice(1).map((cell) => (cell === undefined || !escaped ? cell : fromCellText(cell)));
    // An Old or New written as NONE has no cell text: the field was created, or deleted.
    const op = old === undefined ? "create" : value === undefined ? "delete" : undefined;
    return [
      {
        ...(target && { target }),
        file: file!,
        line: Number(line),
        key: key!,
        old: old ?? "",
        new: value ?? "",
        ...(op && { op }),
        image: image && imageOfCell(image, value ?? ""),
      },
    ];
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
 * The message's body (`intro`, shown as text: a template's, `fenced`), the build that asked for the promotion (`requested`, a line of markdown),
 * the table of every changed value for the reviewer (with the target of each when any has one: a branch several
 * targets share carries them all), and the files the branch changes besides (a person's edits);
 * naming `commit`, the branch's head it describes.
 */
export function pullRequestBody(intro: string, rows: readonly ChangeRow[], otherFiles: readonly string[], requested?: string, commit?: string): string {
  const cell = (text: string) => `<code>${cellText(text)}</code>`;
  const value = (text: string | undefined) => (text === undefined ? NONE : text === "" ? `<code>${EMPTY}</code>` : cell(text));
  const targeted = rows.some((r) => r.target !== undefined);
  const lines = rows.map(
    (r) =>
      `${targeted ? `| ${cellText(r.target ?? "")} ` : ""}| ${cell(`${r.file}:${r.line}`)} | ${cell(r.key)} | ${value(valueBefore(r))} | ${value(valueAfter(r))} | ${r.image === undefined ? "" : cell(imageCell(r.image, r.new))} |`,
  );
  const columns = targeted ? ["Target", ...COLUMNS] : COLUMNS;
  // No rows (the branch holds newer values than this run's in every file): no empty table, the files say what it changes.
  const table = rows.length === 0 ? [] : [`| ${columns.join(" | ")} |`, `|${" --- |".repeat(columns.length)}`, ...lines, ""];
  const others =
    otherFiles.length === 0
      ? []
      : [`${rows.length === 0 ? "On this branch" : "Also on this branch"}, from its earlier commits: ${otherFiles.map(cell).join(", ")}.`, ""];
  return (
    [...(intro === "" ? [] : [...fenced(intro), ""]), ...(requested === undefined ? [] : [requested, ""]), ...table, ...others, FOOTER].join("\n") +
    "\n" +
    (commit === undefined ? "" : `<!-- gitops-promote: describes ${commit} -->\n`)
  );
}

/**
 * `text` as a fenced code block, where nothing is read as Markdown or HTML: a commit-message
 * template fills its body with the repository's file names and the payload's values (anyone's who
 * may push or dispatch), which as Markdown could hide the table behind `<!--`, mention a team or
 * load an image. The fence is longer than any run of backticks in the text, so no line of it closes the block.
 */
function fenced(text: string): string[] {
  const longest = (text.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [fence, text, fence];
}

/** The lines of a body after its fenced intro (all of them when it opens with none): text there is the template's, no row. */
function afterIntro(lines: readonly string[]): readonly string[] {
  const fence = /^`{3,}$/.exec(lines[0] ?? "")?.[0];
  const end = fence === undefined ? -1 : lines.indexOf(fence, 1);
  return end < 0 ? lines : lines.slice(end + 1);
}

/**
 * `text` (a file's name, a YAML key, a value: the repository's, so anyone's who may push to it)
 * as the text of a table cell, with every character that could be read as anything else written
 * as a character reference, which markdown shows as that character and nothing more. Markdown is
 * parsed inside `<code>` written as HTML, unlike in a code span: `<` would start HTML (an `<img>`),
 * `` ` * _ ~ [ ] ( ) ! \ & $ `` code, emphasis, links, escapes or math, `|` would end the cell and a
 * line break the row. A space is one too, and so is the `:` of `://`, as GitHub links `www.` after
 * a space and `https://` wherever it is. So are `#` and an `@` that could start a mention (one
 * after a letter or digit cannot: an image's `@sha256:`): GitHub reads no mention or issue
 * reference inside `<code>` (html-pipeline's MentionFilter skips text under `code`), yet the text
 * as written is read too (a notification's mail). Only a mail address stays a link: GitHub finds
 * one in the characters the references stand for. A `"` is one too, so that EMPTY stands only for the empty string.
 */
function cellText(text: string): string {
  return text.replace(/[\s\p{Cc}&<>`*_~[\]()!\\|#$"]|(?<![A-Za-z0-9])@|:(?=\/)/gu, (c) => `&#${c.codePointAt(0)};`);
}

/** The text `cellText` wrote, or the empty string EMPTY stands for. */
function fromCellText(cell: string): string {
  if (cell === EMPTY) return "";
  // A person may edit the body: a reference past Unicode's last character is left as written.
  return cell.replace(/&#(\d{1,7});/g, (reference, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : reference));
}

const MAX_SUBJECT = 120;

/**
 * Our title tells what the rows set, as one run's commit subject tells only that run's: every
 * image with its versions when there are several images or versions (`imagesTitle`); under our
 * default subject, the one image from the versions the rows replaced (`chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4`);
 * else the subject, a template's, which is the user's. With the target
 * whose own pull request it is, when given (`chore(deploy): production: ghcr.io/acme/app 1.2.3 -> 1.3.0`),
 * so the pull requests one run opens for its targets are told apart in the list; but not when
 * a row was changed for another target, or for none (earlier runs for another target on a
 * branch they share, or a table written before rows named their target): such a title
 * names no target, as one run's on a branch its targets share.
 */
export function pullRequestTitle(rows: readonly ChangeRow[], subject: string, target: string | undefined): string {
  const title = imagesTitle(rows) ?? (subject.startsWith(DEFAULT_SUBJECT_TYPE) ? promotionTitle(rows) : undefined) ?? subject;
  return target !== undefined && rows.every((r) => r.target === target) && title.startsWith(DEFAULT_SUBJECT_TYPE)
    ? `${DEFAULT_SUBJECT_TYPE}${target}: ${title.slice(DEFAULT_SUBJECT_TYPE.length)}`
    : title;
}

/**
 * A title naming every image the rows set with its versions, when there are several images or
 * versions: `chore(deploy): ghcr.io/acme/api 2.0.1, ghcr.io/acme/app 1.2.4`,
 * `chore(deploy): ghcr.io/acme/app 1.2.4 and 1.3.0-rc.1` (a version for each target); when that is
 * too long, the first images that fit and a count of the others (`... and 9 more images`).
 * undefined for one image at one version, or none.
 */
export function imagesTitle(rows: readonly ChangeRow[]): string | undefined {
  const rowsOf = new Map<string, { image: ImageRef; rows: ChangeRow[] }>();
  for (const { row, image } of imageRows(rows)) {
    const entry = rowsOf.get(formatImageRef(image)) ?? { image, rows: [] };
    entry.rows.push(row);
    rowsOf.set(formatImageRef(image), entry);
  }
  const versions = new Map<string, Set<string>>();
  for (const { image, rows: written } of rowsOf.values()) versions.set(image.name, (versions.get(image.name) ?? new Set()).add(writtenVersion(image, written)));
  if ([...versions.values()].reduce((n, set) => n + set.size, 0) < 2) return undefined;
  const named = [...versions.keys()].sort().map((name) => `${name} ${[...versions.get(name)!].sort().join(" and ")}`);
  return `${DEFAULT_SUBJECT_TYPE}${fitted(named)}`;
}

/** `named` joined, or as many as fit MAX_SUBJECT with `and N more images`; `N images` (`1 image`, for one at versions too long to name) when not even one does. */
function fitted(named: readonly string[]): string {
  for (let shown = named.length; shown > 0; shown--) {
    const text = cappedList(named, shown, { noun: "image" });
    if (text.length <= MAX_SUBJECT) return text;
  }
  return counted(named.length, "image");
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
