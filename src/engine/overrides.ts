/**
 * Overrides: `--set` specs and configured `overrides:` per file, checked before any edit and
 * applied over what the editors did, as one result per file.
 */
import type { Diagnostic, EditResult, FieldChange, FieldEditResult, FieldWarning, ValueFor, Warning, WarningAbout } from "../change.js";
import { formatDiagnostic, onceEachMessage, publicResult, SourceError, valueAfter } from "../change.js";
import { nextImageText, nextTagText, nextVersion, type ImageUpdate } from "../image/update.js";
import { applyOverridesAbout, type ComputedOverride, type OverrideImage } from "../kcl/override.js";
import type { Overridden } from "../kcl/editor.js";
import { stringLiteralValue } from "../kcl/string-literal.js";
import { formatOverridePath, OverrideSpecError, parseOverridePath } from "../kcl/override-spec.js";
import { parsePath, setFromSpec, setYamlPathAbout } from "../yaml/path.js";
import { ARGO_KUSTOMIZE_IMAGE, mayNameParameter, misaimedOverride } from "../yaml/argocd-parameters.js";
import { namedImageString, withVersion } from "../yaml/argocd.js";
import { tryYamlFile } from "../yaml/file.js";
import type { Config, OverrideConfig } from "./config.js";
import { fileKind, type FileKind } from "./file-kind.js";
import { fileMarkers } from "./file-markers.js";
import { pathMatcher } from "./path-glob.js";
import { RequestError, trySetSpec, type RequestIssue, type ValidRequest } from "./request.js";
import { decodeUtf8, type TreeSource } from "./source.js";
import { notAFileSaid } from "./tree-links.js";
import { shiftLines } from "../text/line-shift.js";
import { lineBreaks } from "../text/line-index.js";
import { MARKER_TOKEN } from "../image/marker.js";
import { digestProblem } from "../image/reference.js";
import { byFlag, byIndex, type FieldNamer } from "../field-name.js";
import { shownValue } from "./report.js";

/** A `--set` spec as given, or a configured override waiting for the file's target to say which image it may set. */
export type RequestedOverride = string | OverrideConfig;

/**
 * `--set` specs plus the configured overrides of the incoming images, per file in scope, and
 * what is wrong with the `--set` files: each must exist and be in scope (it was asked for by name),
 * named as `fieldName` (the request's face) names the set (`--set`, `input set`, `set[0]`). One that is a
 * symbolic link (of `links`, the tree's) is named with its target: the request's to mend, as no link is edited.
 * With targets, an override of a file in none of them can never apply: that is warned about.
 */
export function collectOverrides(
  valid: ValidRequest,
  config: Config | undefined,
  configPath: string,
  present: ReadonlySet<string>,
  inScope: (path: string) => boolean,
  warnings: Warning[],
  fieldName: FieldNamer = byIndex,
  links: ReadonlyMap<string, string> = new Map(),
): { byFile: Map<string, RequestedOverride[]>; issues: Diagnostic[] } {
  const configured = config?.overrides ?? [];
  const missing = (file: string, i: number): RequestIssue => {
    const { message, link } = notAFileSaid(file, present, links);
    return { ...(link && { field: "set" }), message: `${fieldName("set", i)}: ${message}` };
  };
  // The sets are the request's, in its order: validateRequest refuses a request with any it drops.
  const issues: Diagnostic[] = onceEachMessage(
    valid.sets.flatMap(({ file }, i) =>
      !present.has(file) ? [missing(file, i)] : !inScope(file) ? [{ message: `${fieldName("set", i)}: ${file} is outside the paths to update` }] : [],
    ),
  );
  const byFile = new Map<string, RequestedOverride[]>();
  const add = (file: string, override: RequestedOverride) => byFile.set(file, [...(byFile.get(file) ?? []), override]);
  for (const { file, spec } of valid.sets) add(file, spec);
  const inATarget = pathMatcher((config?.targets ?? []).flatMap((t) => t.paths));
  for (const o of configured) {
    if (!inScope(o.file) || !valid.images.some((i) => i.repository === o.repository)) continue;
    if (config!.targets.length > 0 && !inATarget(o.file)) {
      warnings.push({ file: configPath, line: o.line, message: `override of ${o.file}: the file is in no target, so ${o.repository} is not set there` });
    } else add(o.file, o);
  }
  return { byFile, issues };
}

/**
 * What is wrong with the configured overrides, each at its line in the configuration: a file
 * that does not exist, is a symbolic link (of `links`, the tree's: named with where it leads, as a
 * `--set`'s is) or is not UTF-8, a path its file does not have (unless `create`), with
 * where in the file it stops. All of them, on every run, whatever images it brings: a typo must
 * not wait for the one image it concerns. A dry run of the overrides on the files they name
 * (no other file is read), its result dropped: the overrides of a file are tried together,
 * and one by one only when that fails, to name every one that does. `fieldName` says the
 * request's switch in its face's terms (`use create: true`), as a `--set`'s check does.
 */
export async function checkConfiguredOverrides(
  source: TreeSource,
  overrides: readonly OverrideConfig[],
  configPath: string,
  present: ReadonlySet<string>,
  create: boolean,
  fieldName?: FieldNamer,
  links: ReadonlyMap<string, string> = new Map(),
): Promise<Diagnostic[]> {
  const issues: Diagnostic[] = [];
  // Named by its place in the configuration, not in `overrides`, which leaves out the entries refused; said at the field's line.
  const issue = (i: number, field: "file" | "spec", message: string) =>
    issues.push({
      file: configPath,
      line: field === "spec" ? overrides[i]!.specLine : overrides[i]!.line,
      message: `overrides[${overrides[i]!.index}].${field}: ${message}`,
    });
  const byFile = new Map<string, number[]>();
  overrides.forEach((o, i) => byFile.set(o.file, [...(byFile.get(o.file) ?? []), i]));
  for (const [file, indexes] of byFile) {
    if (!present.has(file)) {
      const { message } = notAFileSaid(file, present, links);
      for (const i of indexes) issue(i, "file", message);
      continue;
    }
    const text = decodeUtf8(await source.read(file));
    if (text === undefined) {
      for (const i of indexes) issue(i, "file", `${file} is not UTF-8 text`);
      continue;
    }
    const body = text.replace(/^\uFEFF/, "");
    // Each field keeps what it holds: a KCL file whose paths all resolve is parsed once.
    const dry = (of: readonly number[]) =>
      applyFileOverrides(
        fileKind(file)!,
        body,
        of.map((i) => ({ path: overrides[i]!.spec, value: (current: string | undefined) => current ?? "" })),
        create,
        fieldName,
        file,
      );
    try {
      dry(indexes);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      for (const i of indexes) {
        try {
          dry([i]);
        } catch (one) {
          if (!(one instanceof SourceError)) throw one;
          issue(i, "spec", formatDiagnostic(located(file, one)));
        }
      }
    }
  }
  // An object-built configuration has no lines: its issues keep their order.
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * A configured override as the file's own image fields get it: only when its target allows
 * the image, and moved on by the same decision (policy, no downgrade) from what it holds,
 * the whole reference or (`part: tag`) only the tag.
 */
export function configuredOverride(override: OverrideConfig, images: readonly ImageUpdate[]): ComputedOverride[] {
  const update = images.find((u) => u.image.repository === override.repository);
  if (!update) return [];
  const inArgoImages = ARGO_KUSTOMIZE_IMAGE.test(fieldKey(override.spec));
  const value: ValueFor =
    override.part === "tag"
      ? (current, note) => nextTagText(update, current, note)
      : (current, note) => {
          // Argo CD's `name=mirror:tag` (or `name=*:tag`): its version follows the image, what it applies to and its name stay.
          const named = inArgoImages && current !== undefined ? namedImageString(current) : undefined;
          if (!named) return nextImageText(update, override.image, current, note);
          const next = nextVersion(update, named.version, note);
          return next && withVersion(named, next);
        };
  return [{ path: override.spec, value, configured: override }];
}

/**
 * What the overrides of a KCL file set, `images` being the file's: the repositories whose
 * configured overrides set something there, and the paths its `--set` specs set (a delete
 * sets nothing). What the file's editor would say of those images' versions elsewhere in it
 * (a `${_tag}` the override sets) is taken care of, as where a marker sets them. A spec that
 * does not parse sets nothing here: it is refused where it is applied.
 */
export function overriddenIn(requested: readonly RequestedOverride[], images: readonly ImageUpdate[]): Overridden {
  const repositories = new Set<string>();
  const paths = new Set<string>();
  for (const o of requested) {
    if (typeof o !== "string") {
      if (configuredOverride(o, images).length > 0) repositories.add(o.repository);
      continue;
    }
    const { field } = trySetSpec("kcl", o);
    if (field && field.operation !== "-") paths.add(formatOverridePath(field.keys));
  }
  return { repositories, paths };
}

/**
 * The overrides of a file applied over what its editors did: one result, the editors' lines as
 * they read once the overrides added or removed lines. `read` is the file as read, before its
 * editors (the text they edited), from which an override replacing a span they edited reports
 * its old text. Throws RequestError (with the file) for an override that cannot apply. `fieldName`
 * names the request's fields in the warnings, as its face does (`--set`, `input set`); default the CLI's flags.
 */
export function overFile(
  path: string,
  kind: FileKind,
  edited: FieldEditResult,
  requested: readonly (string | ComputedOverride)[],
  create: boolean,
  read = edited.text,
  fieldName?: FieldNamer,
): EditResult {
  return publicResult(overFileAbout(path, kind, edited, requested, create, read, fieldName));
}

/** overFile for the plan: its warnings keep what they are about (FieldWarning), for its later steps (a reference left behind). */
export function overFileAbout(
  path: string,
  kind: FileKind,
  edited: FieldEditResult,
  requested: readonly (string | ComputedOverride)[],
  create: boolean,
  read = edited.text,
  fieldName?: FieldNamer,
): FieldEditResult {
  try {
    const aimed = withoutMisaimedOverrides(kind, edited.text, requested);
    const { overrides, yielded } = besideMarkers(path, kind, edited, aimed.overrides, create);
    const overridden = applyFileOverrides(kind, edited.text, overrides, create, fieldName, path);
    const sets = setFields(kind, overrides);
    const told = shiftLines(edited.warnings, edited.text, overridden.text);
    const shifted = told.filter(
      (w) => !answeredBySet(w, kind, overridden.changes, sets) && !answeredByOverride(w, kind, overridden.changes) && !answeredBeside(w, kind, overrides),
    );
    const { changes, overruled } = withOverrides(shiftLines(edited.changes, edited.text, overridden.text), overridden.changes, {
      replaces: replacingSpans(kind, overrides),
      oldAsRead: oldAsRead(kind, read, overrides, overridden.changes, create),
      read: kind === "kcl" ? kclRead : (written) => written,
    });
    return {
      text: overridden.text,
      changes,
      warnings: [
        ...shifted,
        ...shiftLines([...aimed.misaimed, ...yielded], edited.text, overridden.text),
        ...overridden.warnings.filter((w) => !toldThere(w, told)),
        ...setOverImages(kind, sets, overruled, fieldName),
        ...invalidDigests(kind, overridden.changes, sets, fieldName),
      ],
    };
  } catch (error) {
    if (error instanceof SourceError) throw new RequestError([located(path, error)]);
    throw error;
  }
}

/**
 * The overrides of a file without the configured ones that would write a field a Flux marker marks:
 * a marked field is set only through its marker's key, as `--image` alone leaves it. Where such an
 * override would have written another value than the field holds (the marker's, or the file's), the
 * field says so (`yielded`, at the lines of `edited`). A `--set` is what a person asked for: it is applied.
 * A marker the editor does not read (above `key: value`, after a flow collection) marks nothing: the override applies there.
 */
function besideMarkers(
  path: string,
  kind: FileKind,
  edited: EditResult,
  overrides: readonly (string | ComputedOverride)[],
  create: boolean,
): { overrides: readonly (string | ComputedOverride)[]; yielded: Warning[] } {
  if (!edited.text.includes(MARKER_TOKEN) || overrides.every((o) => typeof o === "string")) return { overrides, yielded: [] };
  const markers = new Map(fileMarkers(path, edited.text).map(({ marker, line }) => [line, marker]));
  const yielded: Warning[] = [];
  const kept = overrides.filter((o) => {
    if (typeof o === "string") return true;
    let dry: EditResult;
    try {
      dry = applyFileOverrides(kind, edited.text, [o], create, undefined, path);
    } catch (error) {
      // Refused where it is applied, with the others.
      if (error instanceof SourceError) return true;
      throw error;
    }
    const marked = dry.changes.filter((c) => markers.has(c.line));
    for (const change of marked) {
      const setter = edited.changes.find((e) => e.line === change.line && e.kind === "setter");
      yielded.push({
        line: change.line,
        message: setter
          ? `${change.key}: Flux setter "${setter.key}" wrote ${setter.new}, which takes precedence over ${change.new} from its configured override (a marked field is set only through its marker)`
          : `${change.key} is marked for Flux setter "${markers.get(change.line)!.setter}", which alone sets it: its configured override, which would write ${change.new}, is not applied`,
      });
    }
    return marked.length === 0;
  });
  return { overrides: kept, yielded };
}

/**
 * The overrides of a file without the configured ones that name an Argo CD Helm parameter by index
 * that does not read as what they set (misaimedOverride), each said at it (`misaimed`, at the lines of `text`).
 */
function withoutMisaimedOverrides(
  kind: FileKind,
  text: string,
  overrides: readonly (string | ComputedOverride)[],
): { overrides: readonly (string | ComputedOverride)[]; misaimed: Warning[] } {
  // Screened by the path's text before the file is parsed.
  const indexed = (o: string | ComputedOverride): o is ComputedOverride & { readonly configured: OverrideImage } =>
    typeof o !== "string" && o.configured !== undefined && mayNameParameter(o.path);
  const file = kind === "yaml" && overrides.some(indexed) ? tryYamlFile(text) : undefined;
  if (!file) return { overrides, misaimed: [] };
  const misaimed: Warning[] = [];
  const kept = overrides.filter((o) => {
    const warning = indexed(o) ? misaimedOverride(file, o.path, o.configured) : undefined;
    if (warning) misaimed.push(warning);
    return !warning;
  });
  return { overrides: kept, misaimed };
}

/** The field a warning is about, when it is about one for this reason. */
function fieldFor(warning: FieldWarning, reason: WarningAbout["reason"]): string | undefined {
  const about = warning.about;
  return about?.reason === reason && "field" in about ? about.field : undefined;
}

/** An editor's warning that a Helm parameter holding a tag was not moved, where an override (configured or `--set`) set that parameter: the advice was followed. */
function answeredByOverride(warning: FieldWarning, kind: FileKind, changes: readonly FieldChange[]): boolean {
  const field = fieldId(kind, fieldFor(warning, "advised-override"));
  return field !== undefined && changes.some((c) => fieldId(kind, c.key) === field);
}

/**
 * An editor's warning that a field holds a repository with no tag or digest (bareFieldWarning), where an override of
 * the file sets a field beside it: a configured one of the image's tag (`part: tag`), or a `--set`, which names no
 * image (a person sets that mapping's fields by hand). Its version is set there: the advice was followed. The same
 * rule for a YAML mapping and a KCL config, whichever editor said it; one that sets the field itself does not count.
 */
function answeredBeside(warning: FieldWarning, kind: FileKind, overrides: readonly (string | ComputedOverride)[]): boolean {
  const field = pathKeys(kind, fieldFor(warning, "bare-repository"));
  if (field === undefined) return false;
  const mapping = joined(field.slice(0, -1));
  return overrides.some((o) => {
    const setsTag = typeof o === "string" || (o.configured?.part === "tag" && o.configured.repository === warning.about?.image);
    const keys = setsTag ? overrideKeys(kind, o) : undefined;
    return keys !== undefined && keys.length === field.length && joined(keys.slice(0, -1)) === mapping && keys.at(-1) !== field.at(-1);
  });
}

/**
 * Whether an override of the warning's file, a `--set` or a configured one (for whichever image),
 * names the field the warning advises to override: the field is someone else's to set. A spec
 * that does not parse names nothing.
 */
export function overrideNames(warning: FieldWarning, requested: readonly RequestedOverride[], configured: readonly OverrideConfig[]): boolean {
  const field = fieldFor(warning, "advised-override");
  return field !== undefined && warning.file !== undefined && overrideNamesField(warning.file, field, requested, configured);
}

/** Whether an override of `file`, a `--set` or a configured one (for whichever image), names `field` (a path in the file's grammar). */
export function overrideNamesField(file: string, field: string, requested: readonly RequestedOverride[], configured: readonly OverrideConfig[]): boolean {
  const kind = fileKind(file);
  if (kind === undefined) return false;
  const named = fieldId(kind, field);
  const specs = requested.filter((o) => typeof o === "string");
  return named !== undefined && (overrideIds(kind, specs).includes(named) || configured.some((o) => o.file === file && fieldId(kind, o.spec) === named));
}

/**
 * A configured override's warning that tells again what an editor's version decision told at the same
 * field in the same place (a policy keeping the version): moved by the same decision, it says it no more.
 * Compared on what both are about (versionNoteWarning), never on their words: by line, so that the path of another
 * document, or another field of the line, keeps its own; by field, named as one (`app["image"]` is
 * `app.image`); and by what was told.
 */
export function toldThere(warning: FieldWarning, told: readonly FieldWarning[]): boolean {
  const about = warning.about;
  if (about?.reason !== "version") return false;
  return told.some(
    (w) => w.line === warning.line && w.about?.reason === "version" && fieldKey(w.about.field) === fieldKey(about.field) && w.about.said === about.said,
  );
}

/**
 * The changes of a file after its overrides ran over the editors' result, in line order.
 * An override of a field an editor had just set is one change (the file's value -> the
 * override's), not two with an intermediate value the file never held. So is an override of a
 * span an editor changed something inside (a KCL `--set` of a whole config holding the image):
 * the editor's change is gone with the span, and the override's old is the span as the file
 * held it (`oldAsRead`). The rule is YAML's and KCL's alike; only KCL replaces a whole config.
 */
function withOverrides(
  edits: readonly FieldChange[],
  overrides: readonly FieldChange[],
  span: {
    readonly replaces: (override: FieldChange) => boolean;
    readonly oldAsRead: (override: FieldChange) => string;
    readonly read: (written: string) => string;
  },
): { changes: FieldChange[]; overruled: Overruled[] } {
  let changes = [...edits];
  const overruled: Overruled[] = [];
  for (const override of overrides) {
    const i = changes.findIndex(
      (c) =>
        c.line === override.line &&
        (c.new === override.old || c.new === span.read(override.old)) &&
        (c.kind === "setter" || fieldKey(c.key) === fieldKey(override.key)),
    );
    if (i >= 0) {
      overruled.push({ edit: changes[i]!, override });
      if (changes[i]!.old === override.new) changes.splice(i, 1);
      else changes[i] = { ...override, old: changes[i]!.old };
      continue;
    }
    const inside = span.replaces(override) ? changes.filter((c) => c.kind !== "override" && insideSpan(c, override)) : [];
    overruled.push(...inside.map((edit) => ({ edit, override })));
    changes = changes.filter((c) => !inside.includes(c));
    const old = inside.length > 0 ? span.oldAsRead(override) : override.old;
    // The span written back as the file held it changes nothing.
    if (old !== override.new) changes.push({ ...override, old });
  }
  return { changes: changes.sort((a, b) => a.line - b.line), overruled };
}

/**
 * What an override's old reads as, where a KCL override reports it as written (a literal of another kind replaced it:
 * `"ghcr.io/acme/app:2.0.0" -> True`): a string literal's value, as the editors report theirs.
 */
function kclRead(written: string): string {
  return /^[rR]?["']/.test(written) ? stringLiteralValue(written) : written;
}

/**
 * A value an override wrote to a field named `digest` that is no digest (`sha256:abc`): written as asked, since a `--set` value is
 * what the user asks for, and said, as Kubernetes refuses an image reference that pins it (InvalidImageName). Emptying one is no news.
 * Named as setOverImages names the writer: a `--set` (of `sets`, the `--set` fields) or else the configured override, whose tag or
 * reference the configuration checks nowhere against the field it names.
 */
function invalidDigests(kind: FileKind, changes: readonly FieldChange[], sets: ReadonlySet<string>, fieldName: FieldNamer = byFlag): FieldWarning[] {
  return changes.flatMap((c) => {
    const value = valueAfter(c);
    if (value === undefined || pathKeys(kind, c.key)?.at(-1) !== "digest") return [];
    const read = kind === "kcl" ? kclRead(value) : value;
    const problem = read === "" || read === "~" || read === "null" ? undefined : digestProblem(read);
    if (problem === undefined) return [];
    const writer = bySet(kind, sets, c.key) ? fieldName("set") : "its configured override";
    const message = `${c.key}: ${writer} wrote ${read}, which is no digest (${problem}); Kubernetes refuses an image reference pinned to it`;
    return [{ line: c.line, message }];
  });
}

/** An editor's change the override overruled. */
interface Overruled {
  readonly edit: FieldChange;
  readonly override: FieldChange;
}

/**
 * Whether an editor's change lies inside the span an override wrote (at the lines it holds now): a field below the
 * override's (`app.containers.main.image` in `app.containers`), or a Flux marker's (whose key names no field) whose value the span held.
 */
function insideSpan(edit: FieldChange, override: FieldChange): boolean {
  if (edit.line < override.line || edit.line > override.line + lineBreaks(override.new)) return false;
  // A marker's line may hold other fields: its value was in the span the override replaced.
  return edit.kind === "setter" ? override.old.includes(edit.new) : fieldKey(edit.key).startsWith(`${fieldKey(override.key)}.`);
}

/**
 * Whether an override's change replaced the span it names: every one but a KCL `+=`, which adds to the list
 * and keeps what is in it (an editor's change there stays its own).
 */
function replacingSpans(kind: FileKind, overrides: readonly (string | ComputedOverride)[]): (override: FieldChange) => boolean {
  const appended = new Set(
    overrides.flatMap((o) => {
      const field = typeof o === "string" ? trySetSpec(kind, o).field : undefined;
      return field?.operation === "+=" ? [joined(field.keys)] : [];
    }),
  );
  return (override) => {
    const field = fieldId(kind, override.key);
    return field === undefined || !appended.has(field);
  };
}

/**
 * The old text of an override's change as the file was read (`read`, before its editors): the overrides run again
 * there, and the change of the same field (by key, in order) gives its old. Only asked for where an editor changed
 * something inside the span; what cannot be read so (an override that applies only once the editors wrote) keeps
 * the old it read.
 */
function oldAsRead(
  kind: FileKind,
  read: string,
  overrides: readonly (string | ComputedOverride)[],
  changes: readonly FieldChange[],
  create: boolean,
): (override: FieldChange) => string {
  let before: readonly FieldChange[] | null | undefined;
  return (override) => {
    if (before === undefined) before = changesOver(kind, read, overrides, create);
    if (before === null) return override.old;
    const nth = changes.filter((c) => c.key === override.key).indexOf(override);
    // No change there: the file held what the override writes.
    return before.filter((c) => c.key === override.key)[nth]?.old ?? override.new;
  };
}

/** The changes the overrides make on a text; null where they cannot apply to it. */
function changesOver(kind: FileKind, text: string, overrides: readonly (string | ComputedOverride)[], create: boolean): readonly FieldChange[] | null {
  try {
    return applyFileOverrides(kind, text, overrides, create).changes;
  } catch (error) {
    if (error instanceof SourceError) return null;
    throw error;
  }
}

/** The fields the `--set` specs of a file name, their keys joined. */
function setFields(kind: FileKind, overrides: readonly (string | ComputedOverride)[]): ReadonlySet<string> {
  return new Set(
    overrideIds(
      kind,
      overrides.filter((o) => typeof o === "string"),
    ),
  );
}

/**
 * An editor's warning that a YAML field's version is left to the placeholder it holds (`${TAG}`),
 * where a `--set` wrote that field: the advice was followed, as a `--set` of a KCL interpolation's
 * variable answers its warning (overriddenIn). `changes` are the overrides', `sets` the `--set` fields.
 */
function answeredBySet(warning: FieldWarning, kind: FileKind, changes: readonly FieldChange[], sets: ReadonlySet<string>): boolean {
  const field = fieldId(kind, fieldFor(warning, "placeholder"));
  if (field === undefined || !sets.has(field)) return false;
  return changes.some((c) => c.line === warning.line && fieldId(kind, c.key) === field);
}

/**
 * A `--set` spec decides a field the incoming images also moved: the spec's value is written, and the
 * field says so, naming the set as the request's face does. A configured override is the image's own value,
 * moved by the same decision: nothing to say.
 */
function setOverImages(kind: FileKind, sets: ReadonlySet<string>, overruled: readonly Overruled[], fieldName: FieldNamer = byFlag): Warning[] {
  return overruled
    .filter(({ override }) => bySet(kind, sets, override.key))
    .map(({ edit, override }) => ({
      line: override.line,
      message: `${override.key}: ${fieldName("set")} ${override.op === "delete" ? "deleted it" : `wrote ${shownValue(override.new)}`}, which takes precedence over ${edit.new} from the incoming image${fieldKey(edit.key) === fieldKey(override.key) ? "" : ` at ${edit.key}`}`,
    }));
}

/**
 * Whether a change at `key` is a `--set`'s: at a field a spec names, or below it, where a KCL `:` merge
 * (`app:{containers = {…}}`) reports each entry it writes under its own path.
 */
function bySet(kind: FileKind, sets: ReadonlySet<string>, key: string): boolean {
  const field = fieldId(kind, key);
  return field !== undefined && [...sets].some((set) => field === set || field.startsWith(`${set}\0`));
}

/**
 * Whether the overrides of a file set the field at a path, or something it is in (`image` holds
 * `image.digest`): a `--set` of a tag beside a digest the run also sets has nothing to warn of.
 * A spec that does not parse sets nothing: it is refused where it is applied.
 */
function setsInFile(kind: FileKind, overrides: readonly (string | ComputedOverride)[]): (path: string) => boolean {
  const sets = overrideIds(kind, overrides);
  return (path) => {
    const field = fieldId(kind, path);
    return field !== undefined && sets.some((set) => field === set || field.startsWith(`${set}\0`));
  };
}

/**
 * The keys of the field an override sets, as its file's grammar reads them: a `--set`'s as the request reads it
 * (trySetSpec), a configured one's path (pathKeys). None for a spec that does not parse: it is refused where it is applied.
 */
function overrideKeys(kind: FileKind, override: string | ComputedOverride): readonly string[] | undefined {
  return typeof override === "string" ? trySetSpec(kind, override).field?.keys : pathKeys(kind, override.path);
}

/** The fields overrides set (overrideKeys), their keys joined. */
function overrideIds(kind: FileKind, overrides: readonly (string | ComputedOverride)[]): string[] {
  return overrides.flatMap((o) => {
    const keys = overrideKeys(kind, o);
    return keys ? [joined(keys)] : [];
  });
}

/**
 * The keys of a field's path written in its file's grammar (KCL's `-O` path for `.k`, a YAML path otherwise), as an
 * override's path is read: an override's change names its field so (by its path), as the editors' warnings an override
 * answers and the digest beside a tag set do (formatPath, formatOverridePath). None for a path that does not read so (a
 * KCL editor's list index, `a[0]`), which no override sets.
 */
function pathKeys(kind: FileKind, path: string | undefined): readonly string[] | undefined {
  if (path === undefined) return undefined;
  try {
    return kind === "kcl" ? parseOverridePath(path) : parsePath(path).map(String);
  } catch (error) {
    if (error instanceof SourceError) return undefined;
    throw error;
  }
}

/** A field's keys as one text to compare: `a[0]`, `a.0` and `a["0"]` are one field, `a["x.y"]` and `a.x.y` two (no key holds "\0"). */
function joined(keys: readonly string[]): string {
  return keys.join("\0");
}

/** A field's path (pathKeys) as joined keys. */
function fieldId(kind: FileKind, path: string | undefined): string | undefined {
  const keys = pathKeys(kind, path);
  return keys && joined(keys);
}

/**
 * `a[0].b`, `a.0.b` and `a["0"].b` name the same field: for the texts editors name fields by, compared with each other,
 * which need not read as an override's path (a KCL editor's list index, `a[0]`). It takes `a["x.y"]` for `a.x.y`;
 * keys on FieldChange would tell them apart.
 */
function fieldKey(key: string): string {
  return key.replace(/\[(["'])(.*?)\1\]|\[(\d+)\]/g, (_, _quote: string, quoted: string | undefined, index: string | undefined) => `.${quoted ?? index}`);
}

function applyFileOverrides(
  kind: FileKind,
  text: string,
  overrides: readonly (string | ComputedOverride)[],
  create: boolean,
  fieldName?: FieldNamer,
  // Its path: a kustomization.yaml without apiVersion and kind is one by its name, for what create may add there.
  file?: string,
): FieldEditResult {
  const setsToo = setsInFile(kind, overrides);
  if (kind === "kcl") return applyOverridesAbout(text, overrides, { create, setsToo, fieldName });
  let result: FieldEditResult = { text, changes: [], warnings: [] };
  for (const override of overrides) {
    const next =
      typeof override === "string"
        ? setFromSpec(result.text, override, create, setsToo, fieldName, file)
        : setYamlPathAbout(result.text, override.path, override.value, { create, setsToo, configured: true, fieldName, file });
    const shift = <C extends { readonly line?: number }>(earlier: readonly C[]) => shiftLines(earlier, result.text, next.text);
    result = { text: next.text, changes: [...shift(result.changes), ...next.changes], warnings: [...shift(result.warnings), ...next.warnings] };
  }
  return result;
}

export function located(path: string, error: SourceError): Diagnostic {
  const where = { file: path, ...(error.line !== undefined && { line: error.line }) };
  if (!(error instanceof OverrideSpecError) || error.message.includes(error.spec)) return { ...where, message: error.message };
  // KCL's own texts ("Expected opening quote after '['") do not name the spec; `-O` paths have no list indexes.
  const indexed = /\[\s*\d+\s*\]/.test(error.spec) ? " (KCL override paths have no list indexes)" : "";
  return { ...where, message: `'${error.spec}': ${error.message}${indexed}` };
}
