/**
 * Planning: request -> plan. Reads the tree once, screens every candidate file with a
 * byte search before any parse (most files of a manifests monorepo never hold the image),
 * runs the pure editors on the few that do, and returns the new texts with every change.
 * Nothing is written here; a plan that throws leaves the tree as it was.
 */
import picomatch from "picomatch";
import type { Change, Diagnostic, EditRequest, EditResult, FieldChange, Warning } from "../change.js";
import { SourceError } from "../change.js";
import { formatImageRef, screenToken, type ImageRef } from "../image/reference.js";
import { MARKER_TOKEN, markerPattern, unknownSetterWarning, type MarkerField } from "../image/marker.js";
import type { Policy } from "../image/policy.js";
import { nextImageText, type ImageUpdate } from "../image/update.js";
import { editKcl } from "../kcl/editor.js";
import { applyOverrides, type ComputedOverride } from "../kcl/override.js";
import { OverrideSpecError } from "../kcl/override-spec.js";
import { editYaml } from "../yaml/editor.js";
import { setYamlPath } from "../yaml/path.js";
import { ConfigError, parseConfig, type Config, type OverrideConfig, type Target } from "./config.js";
import {
  FLUX_IMAGE_API_GROUP,
  fluxSetters,
  mayHoldFluxObjects,
  nearestSetters,
  updatesFile,
  where,
  type FluxAutomation,
  type FluxSetter,
} from "./flux-objects.js";
import { RequestError, validateRequest, type UpdateRequest, type ValidRequest } from "./request.js";
import { decodeUtf8, readText, type TreeSource } from "./source.js";
import { checkParses, fileKind, type FileKind } from "./file-kind.js";
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
}

export const DEFAULT_CONFIG = ".github/gitops-promote.yaml";
const READ_CONCURRENCY = 64;

/** Turns a request into a plan; throws RequestError for bad input (nothing to write then). */
export async function planUpdate(source: TreeSource, request: UpdateRequest): Promise<Plan> {
  const valid = validateRequest(request);
  const files: string[] = [];
  for await (const path of source.list()) files.push(path);
  const present = new Set(files);

  const configPath = (request.config ?? DEFAULT_CONFIG).replace(/^\.\//, "");
  const config = await loadConfig(source, present, configPath, request.config !== undefined);
  const targets = targetsInScope(config, request.targets);
  const warnings: Warning[] = [];
  const inScope = pathFilter(request.paths, files, warnings);

  const overridesByFile = collectOverrides(valid, config, configPath, present, inScope, warnings);
  const screen = screenFor(valid.images);
  // The configuration is never a manifest: its `image:` fields name repositories, not versions.
  // Outside the paths, YAML files are read only for the Flux objects that define markers:
  // those usually live apart from the manifests they drive (flux-system/), and are never edited.
  const candidates = files.filter(
    (path) => fileKind(path) !== undefined && !path.startsWith(".github/") && path !== configPath && (inScope(path) || fileKind(path) === "yaml"),
  );
  const keep = (path: string, text: string): boolean =>
    inScope(path) ? overridesByFile.has(path) || screen[fileKind(path)!].test(text) : mayHoldFluxObjects(text);
  const texts = await readScreened(source, candidates, keep, warnings);
  for (const path of overridesByFile.keys()) {
    if (!texts.has(path)) texts.set(path, await readNamed(source, path));
  }

  const { updates, known, forFile } = resolveSetters(valid, config, configPath, texts, inScope, request.allowDowngrade ?? false, warnings);
  warnUnreached(
    valid,
    updates,
    overridesByFile,
    [...texts].filter(([path]) => inScope(path)).map(([, text]) => text),
    warnings,
  );
  const matchers = targets.map((target) => ({ target, matches: picomatch([...target.paths], { dot: true }) }));
  // Images that reach the tree only through markers (`--setter`) meet the same allow-lists.
  const markerImages = updates.map((u) => u.image).filter((image) => !valid.images.some((i) => i.repository === image.repository));
  warnRefusedImages([...valid.images, ...new Map(markerImages.map((image) => [image.repository, image])).values()], targets, warnings);

  const planned: FilePlan[] = [];
  for (const [path, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!inScope(path)) continue;
    const target = matchers.find((m) => m.matches(path))?.target;
    const { setters, left } = forFile(path);
    const editRequest: EditRequest = {
      images: imagesFor(valid.images, config, target, request.allowDowngrade ?? false),
      setters: settersFor(setters, target),
      // A key left here is not known here: the editors then warn at each of its markers, and `explainLeft` says why.
      knownSetters: left.size > 0 ? new Set([...known].filter((key) => !left.has(key))) : known,
    };
    const overrides = (overridesByFile.get(path) ?? []).flatMap((o): (string | ComputedOverride)[] =>
      typeof o === "string" ? [o] : configuredOverride(o, editRequest.images),
    );
    const fileWarnings: Warning[] = [];
    const filePlan = planFile(path, text, editRequest, overrides, request.create ?? false, target?.name, fileWarnings);
    warnings.push(...explainLeft(fileWarnings, left));
    if (filePlan) planned.push(filePlan);
  }
  return {
    files: planned,
    changes: planned.flatMap((f) => f.changes),
    warnings,
    targets: targets.map((t) => ({ name: t.name, ...(t.delivery && { delivery: t.delivery }) })),
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

function targetsInScope(config: Config | undefined, names: readonly string[] | undefined): readonly Target[] {
  const all = config?.targets ?? [];
  if (!names || names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((t) => t.name === name));
  if (unknown.length > 0) {
    throw new RequestError(
      unknown.map((name) => ({ message: `targets: no target named ${JSON.stringify(name)} (configured: ${all.map((t) => t.name).join(", ") || "none"})` })),
    );
  }
  return all.filter((t) => names.includes(t.name));
}

/** A `--set` spec as given, or a configured override waiting for the file's target to say which image it may set. */
type RequestedOverride = string | OverrideConfig;

/**
 * `--set` specs plus the configured overrides of the incoming images, per file in scope.
 * A file they name must exist; a `--set` file must be in scope too (it was asked for by name).
 * With targets, an override of a file in none of them can never apply: that is warned about.
 */
function collectOverrides(
  valid: ValidRequest,
  config: Config | undefined,
  configPath: string,
  present: ReadonlySet<string>,
  inScope: (path: string) => boolean,
  warnings: Warning[],
): Map<string, RequestedOverride[]> {
  const configured = config?.overrides ?? [];
  const issues: Diagnostic[] = [
    ...valid.sets.flatMap(({ file }) =>
      !present.has(file) ? [{ message: `set: ${file} does not exist` }] : !inScope(file) ? [{ message: `set: ${file} is outside the paths to update` }] : [],
    ),
    ...configured.flatMap((o, i) =>
      present.has(o.file) ? [] : [{ file: configPath, line: o.line, message: `overrides[${i}].file: ${o.file} does not exist` }],
    ),
  ];
  if (issues.length > 0) throw new RequestError(issues);
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
  return byFile;
}

/**
 * A configured override as the file's own image fields get it: only when its target allows
 * the image, and moved on by the same decision (policy, no downgrade) from what it holds.
 */
function configuredOverride(override: OverrideConfig, images: readonly ImageUpdate[]): ComputedOverride[] {
  const update = images.find((u) => u.image.repository === override.repository);
  return update ? [{ path: override.spec, value: (current) => nextImageText(update, override.image, current) }] : [];
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

/** Reads candidates with bounded parallelism, keeping the text of those the screen lets through. */
async function readScreened(
  source: TreeSource,
  paths: readonly string[],
  keep: (path: string, text: string) => boolean,
  warnings: Warning[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const text = await readText(source, path);
      if (!keep(path, text)) continue;
      // A U+FFFD may be the file's own or stand for bytes that are not UTF-8: the bytes tell.
      if (text.includes("\uFFFD") && decodeUtf8(await source.read(path)) === undefined) warnings.push({ file: path, message: NOT_UTF8 });
      else texts.set(path, text);
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

/** What a marker key stands for: a configured setter, or one Flux ImagePolicy (`flux`) of maybe several. */
interface Definition {
  readonly name: string;
  readonly repository: string;
  readonly policy?: Policy;
  readonly excluded?: (tag: string) => boolean;
  readonly flux?: FluxSetter;
}

/** One definition of a key, what it sets in this run (nothing when the run does not concern it), and a warning for where a marker uses it. */
interface Candidate {
  readonly flux?: FluxSetter;
  readonly update?: ImageUpdate;
  readonly note?: string;
}

/** The setters for the markers of one file, and the keys left there with why (by key). */
interface FileSetters {
  readonly setters: ReadonlyMap<string, ImageUpdate>;
  readonly left: ReadonlyMap<string, string>;
}

/**
 * Marker keys to the image they stand for: Flux ImagePolicy/ImageRepository objects in the
 * tree, then configured setters (explicit configuration wins), then `--setter` values. A key
 * Flux objects define more than once (one repo, several clusters) has a definition per file
 * (`forFile`). Also every key that is defined at all (`known`), whether or not this run's
 * images concern it, and every update a marker may get (`updates`).
 */
function resolveSetters(
  valid: ValidRequest,
  config: Config | undefined,
  configPath: string,
  texts: ReadonlyMap<string, string>,
  inScope: (path: string) => boolean,
  allowDowngrade: boolean,
  warnings: Warning[],
): { updates: ImageUpdate[]; known: ReadonlySet<string>; forFile: (path: string) => FileSetters } {
  // In path order: texts arrive in the order their reads end.
  const docs = [...texts].filter(([path, text]) => fileKind(path) === "yaml" && mayHoldFluxObjects(text)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const flux = fluxSetters(docs.map(([file, text]) => ({ file, text })));
  warnings.push(...flux.warnings);
  const definitions = new Map<string, Definition[]>();
  for (const [key, setters] of flux.setters) {
    definitions.set(
      key,
      setters.map((setter) => ({ ...setter, excluded: (tag: string) => setter.exclusionList.some((re) => re.test(tag)), flux: setter })),
    );
  }
  for (const [key, setter] of config?.setters ?? []) definitions.set(key, [setter]);

  // Flux writes only the image its ImageRepository scans: a value of another repository is a mistake, not a move.
  const foreign = [...valid.setters].flatMap(([key, image]) => {
    const other = definitions.get(key)?.find((d) => d.repository !== image.repository);
    return other ? [{ message: `setter ${key}: ${formatImageRef(image)} is not ${other.repository}, the repository this key is defined for` }] : [];
  });
  if (foreign.length > 0) throw new RequestError(foreign);
  const candidates = new Map<string, Candidate[]>();
  for (const [key, defs] of definitions) {
    const given = valid.setters.get(key);
    candidates.set(
      key,
      defs.map((def) => candidate(key, def, given ?? valid.images.find((i) => i.repository === def.repository), given !== undefined, allowDowngrade)),
    );
  }
  for (const [key, image] of valid.setters) if (!definitions.has(key)) candidates.set(key, [{ update: { image, allowDowngrade } }]);

  const governing = (key: string, path: string) => governingCandidate(key, candidates.get(key)!, path, flux.automations, configPath);
  warnings.push(...notesWhereUsed(candidates, governing, texts, inScope));
  // A key this run brings nothing for is no news wherever it is defined.
  const brought = [...candidates].filter(([, defined]) => defined.some((c) => c.update)).map(([key]) => key);
  return {
    updates: [...candidates.values()].flat().flatMap((c) => (c.update ? [c.update] : [])),
    known: new Set([...definitions.keys(), ...valid.setters.keys()]),
    forFile(path) {
      const setters = new Map<string, ImageUpdate>();
      const left = new Map<string, string>();
      for (const key of brought) {
        const chosen = governing(key, path);
        if (typeof chosen === "string") left.set(key, chosen);
        else if (chosen.update) setters.set(key, chosen.update);
      }
      return { setters, left };
    },
  };
}

/**
 * What one definition sets for `image` (the `--setter` value when `given`): the image under the
 * name the definition spells (`nginx`, not `docker.io/library/nginx`), as Flux writes it.
 */
function candidate(key: string, def: Definition, image: ImageRef | undefined, given: boolean, allowDowngrade: boolean): Candidate {
  const flux = def.flux && { flux: def.flux };
  if (!image) return { ...flux };
  if (!given && image.tag !== undefined && def.excluded?.(image.tag)) {
    return { ...flux, note: `setter ${key}: tag ${image.tag} is excluded by the ImageRepository's exclusionList` };
  }
  const outside = def.policy && image.tag !== undefined && def.policy.latest([image.tag]) === undefined;
  return {
    ...flux,
    update: { image: { ...image, name: def.name }, ...(def.policy && { policy: def.policy }), allowDowngrade },
    ...(outside && { note: `setter ${key}: tag ${image.tag} is outside its policy (${def.policy!.description}); marked values are left as they are` }),
  };
}

/**
 * The definition of `key` that governs its markers in the file at `path`, or why none does.
 * Flux's view: with ImageUpdateAutomation objects in the tree, only those of the key's namespace
 * whose update path holds the file set its markers; of several definitions, the nearest to the
 * file (or to those automations) governs, as each cluster's Flux sees only its own objects.
 */
function governingCandidate(
  key: string,
  candidates: readonly Candidate[],
  path: string,
  automations: readonly FluxAutomation[],
  configPath: string,
): Candidate | string {
  if (candidates[0]!.flux === undefined) return candidates[0]!;
  let from = [path];
  if (automations.length > 0) {
    const namespace = key.slice(0, key.indexOf(":"));
    const covering = automations.filter((a) => a.namespace === namespace && updatesFile(a, path));
    if (covering.length === 0) {
      const paths = automations.map((a) => `${a.id} ./${a.path}`).join(", ");
      return `is set only in files under the spec.update.path of an ImageUpdateAutomation of namespace ${namespace}, and this file is under none (${paths}); the marked value is left as it is`;
    }
    from = covering.map((a) => a.file);
  }
  const nearest = nearestSetters(
    from,
    candidates.map((c) => c.flux!),
  );
  if (nearest.length === 1) return candidates.find((c) => c.flux === nearest[0])!;
  const near = automations.length > 0 ? "the ImageUpdateAutomation objects that update this file" : "this file";
  return `is defined differently at ${where(nearest)}, equally near ${near}; the marked value is left as it is (give ${key} an entry under setters: in ${configPath}, which overrides Flux objects)`;
}

/**
 * The warnings of the definitions some marker in scope uses (a tag outside the policy, an
 * excluded tag), once each, at the ImagePolicy or else at the first such marker: a key no
 * marker in scope uses concerns no file of this run.
 */
function notesWhereUsed(
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  governing: (key: string, path: string) => Candidate | string,
  texts: ReadonlyMap<string, string>,
  inScope: (path: string) => boolean,
): Warning[] {
  const noted = new Map<Candidate, Warning>();
  const marked = [...texts].filter(([path, text]) => inScope(path) && text.includes(MARKER_TOKEN)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, defined] of candidates) {
    if (!defined.some((c) => c.note)) continue;
    const marker = markerPattern(key);
    for (const [path, text] of marked) {
      const at = marker.exec(text)?.index;
      if (at === undefined) continue;
      const chosen = governing(key, path);
      if (typeof chosen === "string" || !chosen.note || noted.has(chosen)) continue;
      const line = text.slice(0, at).split("\n").length;
      noted.set(chosen, { file: chosen.flux?.file ?? path, line: chosen.flux?.line ?? line, message: chosen.note });
    }
  }
  return [...noted.values()];
}

/** The editors' "no image is configured" at a marker of a key left in its file, said with why. */
function explainLeft(warnings: readonly Warning[], left: ReadonlyMap<string, string>): readonly Warning[] {
  if (left.size === 0) return warnings;
  const why = new Map<string, string>();
  for (const [key, reason] of left) {
    for (const field of ["ref", "tag", "name", "digest"] as const satisfies readonly MarkerField[]) {
      const setter = field === "ref" ? key : `${key}:${field}`;
      why.set(unknownSetterWarning({ key, field, setter })!, `Flux setter "${setter}" ${reason}`);
    }
  }
  return warnings.map((w) => ({ ...w, message: why.get(w.message) ?? w.message }));
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
    // The repository as a whole word: `acme/ap` is not in `acme/app:1.0`.
    if (!marked && !overridden.has(image.repository) && !holds(new RegExp(`${escapeRegExp(screenToken(image))}(?![\\w./-])`))) {
      warnings.push({ message: `no file to update holds ${image.repository}; nothing to do for ${formatImageRef(image)}` });
    }
  }
  for (const key of valid.setters.keys()) {
    if (!holds(markerPattern(key))) warnings.push({ message: `no file to update has a marker for setter ${key}` });
  }
}

/** Without targets every incoming image applies everywhere; with targets, only what the file's target allows, under its policy. */
function imagesFor(images: readonly ImageRef[], config: Config | undefined, target: Target | undefined, allowDowngrade: boolean): ImageUpdate[] {
  if (!config || config.targets.length === 0) return images.map((image) => ({ image, allowDowngrade }));
  if (!target) return [];
  return images.flatMap((image) => {
    const allowed = target.images.find((a) => a.repository === image.repository);
    return allowed ? [{ image, ...(allowed.policy && { policy: allowed.policy }), allowDowngrade }] : [];
  });
}

/**
 * Markers inside a target obey it like every other field: only images its allow-list names,
 * and a new tag only when the target's policy accepts it too. Outside targets, every marker.
 */
function settersFor(setters: ReadonlyMap<string, ImageUpdate>, target: Target | undefined): ReadonlyMap<string, ImageUpdate> {
  if (!target) return setters;
  const kept = new Map<string, ImageUpdate>();
  for (const [key, update] of setters) {
    const allowed = target.images.find((a) => a.repository === update.image.repository);
    if (!allowed) continue;
    const policy = update.policy && allowed.policy ? within(update.policy, allowed.policy) : (update.policy ?? allowed.policy);
    kept.set(key, { ...update, ...(policy && { policy }) });
  }
  return kept;
}

/** `policy` choosing only among the tags `bounds` accepts. */
function within(policy: Policy, bounds: Policy): Policy {
  return {
    description: `${policy.description} within ${bounds.description}`,
    latest: (tags) => policy.latest(tags.filter((tag) => bounds.latest([tag]) !== undefined)),
  };
}

/**
 * Says why a target edits nothing for an image: its allow-list or its policy refuses it.
 * Targets whose allow-list leaves an image out are named in one warning per image, not one
 * each: with many clusters, most targets leave most images out.
 */
function warnRefusedImages(images: readonly ImageRef[], targets: readonly Target[], warnings: Warning[]): void {
  for (const image of images) {
    const refusing: string[] = [];
    for (const target of targets) {
      const allowed = target.images.find((a) => a.repository === image.repository);
      if (!allowed) {
        refusing.push(target.name);
      } else if (allowed.policy && image.tag !== undefined && allowed.policy.latest([image.tag]) === undefined) {
        warnings.push({
          message: `target ${target.name}: ${formatImageRef(image)} is outside its policy (${allowed.policy.description}); not edited there`,
        });
      }
    }
    if (refusing.length === 1) warnings.push({ message: `target ${refusing[0]} does not allow ${image.repository}; not edited there` });
    if (refusing.length > 1) warnings.push({ message: `targets ${refusing.join(", ")} do not allow ${image.repository}; not edited there` });
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
      fileWarnings = [...shiftLines(fileWarnings, after, overridden.text), ...overridden.warnings];
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

/** `--set values.yaml:image.tag=1.2.3`: a dotted path and a value, quoted or not. */
function setFromSpec(text: string, spec: string, create: boolean): EditResult {
  const eq = spec.indexOf("=");
  if (eq <= 0) throw new SourceError(`${JSON.stringify(spec)} is not PATH=VALUE`);
  const raw = spec.slice(eq + 1).trim();
  const value = unquote(raw);
  return setYamlPath(text, spec.slice(0, eq).trim(), value, { create, typed: value === raw });
}

/** `"1.2.3"` and `'1.2.3'` on a command line mean the string 1.2.3. */
function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
  return quoted ? value.slice(1, -1) : value;
}

function located(path: string, error: SourceError): Diagnostic {
  const where = { file: path, ...(error.line !== undefined && { line: error.line }) };
  if (!(error instanceof OverrideSpecError) || error.message.includes(error.spec)) return { ...where, message: error.message };
  // KCL's own texts ("Expected opening quote after '['") do not name the spec; `-O` paths have no list indexes.
  const indexed = /\[\s*\d+\s*\]/.test(error.spec) ? " (KCL override paths have no list indexes)" : "";
  return { ...where, message: `'${error.spec}': ${error.message}${indexed}` };
}
