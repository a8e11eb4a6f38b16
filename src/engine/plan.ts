/**
 * Planning: request -> plan. Reads the tree once, screens every candidate file with a
 * byte search before any parse (most files of a manifests monorepo never hold the image),
 * runs the pure editors on the few that do, and returns the new texts with every change.
 * Nothing is written here; a plan that throws leaves the tree as it was.
 */
import picomatch from "picomatch";
import type { Change, Diagnostic, EditRequest, EditResult, FieldChange, ValueFor, Warning } from "../change.js";
import { formatDiagnostic, SourceError } from "../change.js";
import { formatImageRef, screenToken, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { MARKER_TOKEN, markerPattern } from "../image/marker.js";
import { nextImageText, nextTagText, nextVersion, versionOf, type ImageUpdate } from "../image/update.js";
import { editKcl } from "../kcl/editor.js";
import { applyOverrides, type ComputedOverride } from "../kcl/override.js";
import { OverrideSpecError } from "../kcl/override-spec.js";
import { editYaml } from "../yaml/editor.js";
import { setFromSpec, setYamlPath } from "../yaml/path.js";
import { ConfigError, parseConfig, type Config, type OverrideConfig, type Target } from "./config.js";
import { FLUX_IMAGE_API_GROUP, mayHoldFluxObjects } from "./flux-objects.js";
import { RequestError, validateRequest, type UpdateRequest, type ValidRequest } from "./request.js";
import { resolveSetters } from "./setters.js";
import { decodeUtf8, readText, type TreeSource } from "./source.js";
import { checkParses, fileKind, isTestFile, type FileKind } from "./file-kind.js";
import { imagesFor, settersFor, targetOf, targetsInScope, warnRefusedImages } from "./targets.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { shiftLines } from "../text/line-shift.js";

export interface FilePlan {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly changes: readonly Change[];
  readonly target?: string;
}

export interface PlannedTarget {
  readonly name: string;
  readonly delivery?: Target["delivery"];
}

export interface Plan {
  /** Files whose text changes, in path order. */
  readonly files: readonly FilePlan[];
  readonly changes: readonly Change[];
  readonly warnings: readonly Warning[];
  /** The configured targets in scope (empty without a configuration). */
  readonly targets: readonly PlannedTarget[];
  /** The incoming images as validated: the request's images, then its `--setter` values, in the order given. */
  readonly images: readonly ImageRef[];
}

export const DEFAULT_CONFIG = ".github/gitops-promote.yaml";
const READ_CONCURRENCY = 64;

/** Turns a request into a plan; throws RequestError for bad input (nothing to write then). */
export async function planUpdate(source: TreeSource, request: UpdateRequest): Promise<Plan> {
  const valid = validateRequest(request);
  const files: string[] = [];
  for await (const path of source.list()) files.push(path);
  // In path order, as the plan lists its files: a source lists in an order of its own.
  files.sort();
  const present = new Set(files);

  const configPath = (request.config ?? DEFAULT_CONFIG).replace(/^\.\//, "");
  const config = await loadConfig(source, present, configPath, request.config !== undefined);
  const targets = targetsInScope(config, request.targets);
  const warnings: Warning[] = [];
  const inScope = pathFilter(request.paths, files, warnings);

  const { byFile: overridesByFile, issues } = collectOverrides(valid, config, configPath, present, inScope, warnings);
  issues.push(...(await checkConfiguredOverrides(source, config?.overrides ?? [], configPath, present, request.create ?? false)));
  if (issues.length > 0) throw new RequestError(issues);
  const screen = screenFor(valid.images);
  // The configuration is never a manifest: its `image:` fields name repositories, not versions.
  // Outside the paths, YAML files are read only for the Flux objects that define markers:
  // those usually live apart from the manifests they drive (flux-system/), and are never edited.
  // Every file an override names is read too, whatever it is.
  const paths = files.filter(
    (path) =>
      overridesByFile.has(path) ||
      (fileKind(path) !== undefined &&
        !isTestFile(path) &&
        !path.startsWith(".github/") &&
        path !== configPath &&
        (inScope(path) || fileKind(path) === "yaml")),
  );
  const keep = (path: string, text: string): boolean =>
    inScope(path) ? overridesByFile.has(path) || screen[fileKind(path)!].test(text) : mayHoldFluxObjects(text);
  const read = await readScreened(source, paths, keep, warnings);
  // A file an override names must be UTF-8; the first named that is not is the error.
  for (const path of overridesByFile.keys()) read[paths.indexOf(path)] ??= await readNamed(source, path);
  const texts = new Map(paths.flatMap((path, i) => (read[i] === undefined ? [] : [[path, read[i]] as const])));

  const { updates, forFile } = resolveSetters(valid, config, configPath, texts, inScope, request.allowDowngrade ?? false, warnings);
  warnUnreached(
    valid,
    updates,
    overridesByFile,
    [...texts].filter(([path]) => inScope(path)).map(([, text]) => text),
    warnings,
  );
  const targetFor = targetOf(targets);
  const unselectedTarget = targetOf((config?.targets ?? []).filter((t) => !targets.includes(t)));
  // Images that reach the tree only through markers (`--setter`) meet the same allow-lists.
  const markerImages = updates.map((u) => u.image).filter((image) => !valid.images.some((i) => i.repository === image.repository));
  warnRefusedImages([...valid.images, ...new Map(markerImages.map((image) => [image.repository, image])).values()], targets, warnings);

  const planned: FilePlan[] = [];
  for (const [path, text] of texts) {
    if (!inScope(path)) continue;
    const target = targetFor(path);
    const { setters, knownSetters } = forFile(path);
    // A file of a target this run does not select (payload `targets`) is not this run's: only a --set naming it edits it.
    const unselected = target === undefined && unselectedTarget(path) !== undefined;
    // Its markers are known keys with no news for this run.
    const editRequest: EditRequest = unselected
      ? { images: [], setters: new Map(), knownSetters: new Map([...knownSetters, ...[...setters.keys()].map((key) => [key, undefined] as const)]) }
      : { images: imagesFor(valid.images, config, target, request.allowDowngrade ?? false), setters: settersFor(setters, target), knownSetters };
    const overrides = (overridesByFile.get(path) ?? []).flatMap((o): (string | ComputedOverride)[] =>
      typeof o === "string" ? [o] : configuredOverride(o, editRequest.images),
    );
    const filePlan = planFile(path, text, editRequest, overrides, request.create ?? false, target?.name, warnings);
    if (filePlan) planned.push(filePlan);
    if (filePlan && !target) warnBesidePolicy(filePlan.changes, editRequest.setters, text, warnings);
  }
  if (planned.length === 0 && warnings.length === 0)
    warnUnmoved(
      valid.images,
      [...texts].filter(([path]) => inScope(path)),
      warnings,
    );
  return {
    files: planned,
    changes: planned.flatMap((f) => f.changes),
    warnings,
    targets: targets.map((t) => ({ name: t.name, ...(t.delivery && { delivery: t.delivery }) })),
    images: [...valid.images, ...valid.setters.values()],
  };
}

async function loadConfig(source: TreeSource, present: ReadonlySet<string>, path: string, required: boolean): Promise<Config | undefined> {
  if (!present.has(path)) {
    if (required) throw new RequestError([{ message: `config: ${path} does not exist` }]);
    return undefined;
  }
  try {
    return parseConfig(await readNamed(source, path), path);
  } catch (error) {
    if (error instanceof ConfigError) throw new RequestError(error.issues);
    throw error;
  }
}

/** The `--path` globs as one test; a glob naming a directory stands for everything under it, like Flux's `update.path`. */
function pathFilter(globs: readonly string[], files: readonly string[], warnings: Warning[]): (path: string) => boolean {
  if (globs.length === 0) return () => true;
  const matchers = globs.map((glob) => {
    const base = glob.replace(/\/+$/, "");
    return picomatch([base, `${base}/**`], { dot: true });
  });
  globs.forEach((glob, i) => {
    if (!files.some((file) => matchers[i]!(file))) warnings.push({ message: `path ${JSON.stringify(glob)} matches no file` });
  });
  return (path) => matchers.some((matches) => matches(path));
}

/** A `--set` spec as given, or a configured override waiting for the file's target to say which image it may set. */
type RequestedOverride = string | OverrideConfig;

/**
 * `--set` specs plus the configured overrides of the incoming images, per file in scope, and
 * what is wrong with the `--set` files: each must exist and be in scope (it was asked for by name).
 * With targets, an override of a file in none of them can never apply: that is warned about.
 */
function collectOverrides(
  valid: ValidRequest,
  config: Config | undefined,
  configPath: string,
  present: ReadonlySet<string>,
  inScope: (path: string) => boolean,
  warnings: Warning[],
): { byFile: Map<string, RequestedOverride[]>; issues: Diagnostic[] } {
  const configured = config?.overrides ?? [];
  const issues: Diagnostic[] = valid.sets.flatMap(({ file }) =>
    !present.has(file) ? [{ message: `set: ${file} does not exist` }] : !inScope(file) ? [{ message: `set: ${file} is outside the paths to update` }] : [],
  );
  const byFile = new Map<string, RequestedOverride[]>();
  const add = (file: string, override: RequestedOverride) => byFile.set(file, [...(byFile.get(file) ?? []), override]);
  for (const { file, spec } of valid.sets) add(file, spec);
  const inATarget = picomatch(
    (config?.targets ?? []).flatMap((t) => t.paths),
    { dot: true },
  );
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
 * that does not exist or is not UTF-8, a path its file does not have (unless `create`), with
 * where in the file it stops. All of them, on every run, whatever images it brings: a typo must
 * not wait for the one image it concerns. A dry run of the overrides on the files they name
 * (no other file is read), its result dropped: the overrides of a file are tried together,
 * and one by one only when that fails, to name every one that does.
 */
async function checkConfiguredOverrides(
  source: TreeSource,
  overrides: readonly OverrideConfig[],
  configPath: string,
  present: ReadonlySet<string>,
  create: boolean,
): Promise<Diagnostic[]> {
  const issues: Diagnostic[] = [];
  const issue = (i: number, field: string, message: string) =>
    issues.push({ file: configPath, line: overrides[i]!.line, message: `overrides[${i}].${field}: ${message}` });
  const byFile = new Map<string, number[]>();
  overrides.forEach((o, i) => byFile.set(o.file, [...(byFile.get(o.file) ?? []), i]));
  for (const [file, indexes] of byFile) {
    if (!present.has(file)) {
      for (const i of indexes) issue(i, "file", `${file} does not exist`);
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
  return issues.sort((a, b) => a.line! - b.line!);
}

/**
 * A configured override as the file's own image fields get it: only when its target allows
 * the image, and moved on by the same decision (policy, no downgrade) from what it holds,
 * the whole reference or (`part: tag`) only the tag.
 */
function configuredOverride(override: OverrideConfig, images: readonly ImageUpdate[]): ComputedOverride[] {
  const update = images.find((u) => u.image.repository === override.repository);
  if (!update) return [];
  const value: ValueFor =
    override.part === "tag" ? (current, kept) => nextTagText(update, current, kept) : (current, kept) => nextImageText(update, override.image, current, kept);
  return [{ path: override.spec, value }];
}

/**
 * The byte screen, per kind of file: a file may need an edit only when it holds a marker or
 * an incoming repository, and a YAML file also when it may define Flux image objects. One
 * alternation per kind: V8 searches for all tokens at once, ~3x faster than one includes()
 * per token (measured on a 5,000-file tree).
 */
function screenFor(images: readonly ImageRef[]): Record<FileKind, RegExp> {
  const tokens = [MARKER_TOKEN, ...images.map(screenToken)];
  const alternation = (words: readonly string[]) => new RegExp(words.map(escapeRegExp).join("|"));
  return { kcl: alternation(tokens), yaml: alternation([...tokens, FLUX_IMAGE_API_GROUP]) };
}

/** Reads files with bounded parallelism: the text of each the screen lets through, by index in `paths`. */
async function readScreened(
  source: TreeSource,
  paths: readonly string[],
  keep: (path: string, text: string) => boolean,
  warnings: Warning[],
): Promise<(string | undefined)[]> {
  const texts = new Array<string | undefined>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      const text = await readText(source, path);
      if (!keep(path, text)) continue;
      // A U+FFFD may be the file's own or stand for bytes that are not UTF-8: the bytes tell.
      if (text.includes("\uFFFD") && decodeUtf8(await source.read(path)) === undefined) warnings.push({ file: path, message: NOT_UTF8 });
      else texts[i] = text;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return texts;
}

const NOT_UTF8 = "not UTF-8 text; left as it is";

/** The text of a file the request names (configuration, `--set` target): not UTF-8 is an error there. */
async function readNamed(source: TreeSource, path: string): Promise<string> {
  const text = decodeUtf8(await source.read(path));
  if (text === undefined) throw new RequestError([{ file: path, message: NOT_UTF8 }]);
  return text;
}

/**
 * A run that changes nothing because nothing names what it brings is most often a typo in a
 * repository or a marker key: say so, instead of a bare "nothing to change". An image counts
 * as reached when a file in scope holds its repository, a marker key or a configured override
 * stands for it; a `--setter` key, when a file in scope holds a marker with it.
 */
function warnUnreached(
  valid: ValidRequest,
  updates: readonly ImageUpdate[],
  overrides: ReadonlyMap<string, readonly RequestedOverride[]>,
  texts: readonly string[],
  warnings: Warning[],
): void {
  const holds = (pattern: RegExp) => texts.some((text) => pattern.test(text));
  const overridden = new Set([...overrides.values()].flat().flatMap((o) => (typeof o === "string" ? [] : [o.repository])));
  for (const image of valid.images) {
    const marked = updates.some((u) => u.image.repository === image.repository);
    if (!marked && !overridden.has(image.repository) && !holds(repositoryPattern(image))) {
      warnings.push({ message: `no file to update holds ${image.repository}; nothing to do for ${formatImageRef(image)}` });
    }
  }
  for (const key of valid.setters.keys()) {
    if (!holds(markerPattern(key))) warnings.push({ message: `no file to update has a marker for setter ${key}` });
  }
}

/**
 * Without a target, a field matched by repository takes the incoming version as given (DESIGN
 * §3), while the marked fields of the same image in its file follow their ImagePolicy: a field
 * moved where that policy would have kept it (a release candidate, a late older build) is said
 * at its line, so one pod does not split across versions unseen. Only whole references are
 * judged (a tag field alone does not say its image), and only beside one marker key of the image.
 */
function warnBesidePolicy(changes: readonly Change[], setters: ReadonlyMap<string, ImageUpdate>, text: string, warnings: Warning[]): void {
  for (const change of changes) {
    if (change.kind !== "image" && change.kind !== "kcl-image") continue;
    const written = tryParseImageRef(change.new);
    // The policies of this image's markers in this very file; another file's (another cluster's) say nothing here.
    const beside = [...setters].filter(([k, u]) => u.policy && u.image.repository === written?.repository && markerPattern(k).test(text));
    if (beside.length !== 1) continue;
    const [key, { policy }] = beside[0]!;
    if (!written || !policy) continue;
    const old = tryParseImageRef(change.old);
    const current = old?.repository === written.repository ? versionOf(old.tag, old.digest) : {};
    if (nextVersion({ image: written, policy }, current) !== undefined) continue;
    warnings.push({
      file: change.file,
      line: change.line,
      message: `${change.key} is set to ${change.new} by repository, which the policy of Flux setter "${key}" (${policy.description}) would not have chosen for its marked fields; mark this field with it to keep them together`,
    });
  }
}

/** The repository as a whole word, in any spelling a file may give it: `acme/ap` is not in `acme/app:1.0`. */
function repositoryPattern(image: ImageRef): RegExp {
  return new RegExp(`${escapeRegExp(screenToken(image))}(?![\\w./-])`);
}

/**
 * A run that changes nothing and has nothing to say would read "every image field found holds
 * its new value": true only where some file holds that value. An image whose repository
 * appears only in files that hold neither its new tag nor its digest sits where no rule edits
 * it (a string, a substitution, a file kind not read): say where, instead of that claim.
 */
function warnUnmoved(images: readonly ImageRef[], texts: readonly (readonly [string, string])[], warnings: Warning[]): void {
  for (const image of images) {
    const pattern = repositoryPattern(image);
    const holding = texts.filter(([, text]) => pattern.test(text)).map(([path]) => path);
    const version = image.tag ?? image.digest!;
    if (holding.length === 0 || texts.some(([path, text]) => holding.includes(path) && text.includes(version))) continue;
    const where = holding.length > 3 ? `${holding.slice(0, 3).join(", ")} and ${holding.length - 3} more` : holding.join(", ");
    warnings.push({
      message: `${image.repository} appears in ${where}, but no field there holds ${version} or was edited: it sits where no rule edits it (see "What it edits" in the README)`,
    });
  }
}

function planFile(
  path: string,
  text: string,
  request: EditRequest,
  overrides: readonly (string | ComputedOverride)[],
  create: boolean,
  target: string | undefined,
  warnings: Warning[],
): FilePlan | undefined {
  const kind = fileKind(path)!;
  // A byte order mark is no part of the source the editors read; it stays in front.
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  let edited: EditResult;
  try {
    edited = kind === "kcl" ? editKcl(body, request) : editYaml(body, request);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    if (overrides.length > 0) throw new RequestError([located(path, error)]);
    warnings.push({ file: path, ...(error.line !== undefined && { line: error.line }), message: `not edited: ${error.message}` });
    return undefined;
  }
  let { changes, warnings: fileWarnings, text: after } = edited;
  if (overrides.length > 0) {
    try {
      const overridden = applyFileOverrides(kind, after, overrides, create);
      // The editors' lines as they read once the overrides added or removed lines.
      changes = withOverrides(shiftLines(changes, after, overridden.text), overridden.changes);
      const shifted = shiftLines(fileWarnings, after, overridden.text);
      // An override of a field an editor also reached (a policy keeping its version) says the same there, under its own name for the field: once is enough.
      const said = (w: Warning) => shifted.some((e) => e.line === w.line && reasonOf(e.message) === reasonOf(w.message));
      fileWarnings = [...shifted, ...overridden.warnings.filter((w) => !said(w))];
      after = overridden.text;
    } catch (error) {
      if (error instanceof SourceError) throw new RequestError([located(path, error)]);
      throw error;
    }
  }
  warnings.push(...fileWarnings.map((w) => ({ ...w, file: path })));
  if (after === body) return undefined;
  checkParses(kind, path, after);
  return {
    path,
    before: text,
    after: bom + after,
    changes: changes.map((c) => ({ ...c, file: path, ...(target && { target }) })),
    ...(target && { target }),
  };
}

/** What a warning says of a field without the field's name: `keeps …` from `app["image"] keeps …`; the whole message for any other warning. */
function reasonOf(message: string): string {
  return message.slice(message.indexOf(" keeps ") + 1);
}

/**
 * The changes of a file after its overrides ran over the editors' result, in line order.
 * An override of a field an editor had just set is one change (the file's value -> the
 * override's), not two with an intermediate value the file never held.
 */
function withOverrides(edits: readonly FieldChange[], overrides: readonly FieldChange[]): FieldChange[] {
  const changes = [...edits];
  for (const override of overrides) {
    const i = changes.findIndex(
      (c) => c.line === override.line && c.new === override.old && (c.kind === "setter" || fieldKey(c.key) === fieldKey(override.key)),
    );
    if (i < 0) changes.push(override);
    else if (changes[i]!.old === override.new) changes.splice(i, 1);
    else changes[i] = { ...override, old: changes[i]!.old };
  }
  return changes.sort((a, b) => a.line - b.line);
}

/** `a[0].b` and `a.0.b` name the same field. */
function fieldKey(key: string): string {
  return key.replace(/\[(\d+)\]/g, ".$1");
}

function applyFileOverrides(kind: FileKind, text: string, overrides: readonly (string | ComputedOverride)[], create: boolean): EditResult {
  if (kind === "kcl") return applyOverrides(text, overrides, { create });
  let result: EditResult = { text, changes: [], warnings: [] };
  for (const override of overrides) {
    const next =
      typeof override === "string" ? setFromSpec(result.text, override, create) : setYamlPath(result.text, override.path, override.value, { create });
    const shift = <C extends { readonly line?: number }>(earlier: readonly C[]) => shiftLines(earlier, result.text, next.text);
    result = { text: next.text, changes: [...shift(result.changes), ...next.changes], warnings: [...shift(result.warnings), ...next.warnings] };
  }
  return result;
}

function located(path: string, error: SourceError): Diagnostic {
  const where = { file: path, ...(error.line !== undefined && { line: error.line }) };
  if (!(error instanceof OverrideSpecError) || error.message.includes(error.spec)) return { ...where, message: error.message };
  // KCL's own texts ("Expected opening quote after '['") do not name the spec; `-O` paths have no list indexes.
  const indexed = /\[\s*\d+\s*\]/.test(error.spec) ? " (KCL override paths have no list indexes)" : "";
  return { ...where, message: `'${error.spec}': ${error.message}${indexed}` };
}
