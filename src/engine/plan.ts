/**
 * Planning: request -> plan. Reads the tree once, screens every candidate file with a
 * byte search before any parse (most files of a manifests monorepo never hold the image),
 * runs the pure editors on the few that do, and returns the new texts with every change.
 * Nothing is written here; a plan that throws leaves the tree as it was.
 */
import type { Change, Diagnostic, FieldEditResult, FieldWarning, FullEditRequest, Warning } from "../change.js";
import { isAside, publicWarning, SourceError } from "../change.js";
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import { editCheckedKcl, type Overridden } from "../kcl/editor.js";
import { editKclMod } from "../kcl/mod-editor.js";
import type { ComputedOverride } from "../kcl/override.js";
import { editCheckedYaml } from "../yaml/editor.js";
import { hasPlaceholder } from "../yaml/placeholder.js";
import { CONFIG_NOT_UTF8, ConfigError, NO_CONFIG, parseConfig, type Config, type Target } from "./config.js";
import { fluxSetters, mayHoldFluxObjects, runningAutomations } from "./flux-objects.js";
import { repositoryPath } from "./tree-path.js";
import { warnImageUpdaterConstraints } from "./image-updater.js";
import { unreadValueFiles, warnLoneTagParameters } from "./chart-tags.js";
import {
  isConfigField,
  RequestError,
  UNKNOWN_REPOSITORY,
  validateRequest,
  type FieldNamer,
  type KnownImages,
  type RequestIssue,
  type UpdateRequest,
  type ValidRequest,
} from "./request.js";
import { malformedSets } from "./apply-set.js";
import { resolveSetters, type FileSetters } from "./setters.js";
import { decodeUtf8, listTree, readText, type TextFile, type TreeSource } from "./source.js";
import { reachingOtherTargets } from "./cross-target.js";
import { deployedAsWrittenBy } from "./deployed-as-written.js";
import { kclRunsIn, mayHoldKclRun, setByEveryKclRun } from "./kcl-runs.js";
import { kustomizeTagged, mayHoldBareImage, retaggedAt, retaggedInEveryBuild, taggersWords, type FirstFiles } from "./kustomizations.js";
import { isKustomizationFile, mayGiveNamespace, mayHoldDeployer, namespacesOf, patchFilesOf, type KustomizeTree } from "./kustomize-graph.js";
import { mayHoldHelmRelease, patchedTags, type PairedTags } from "./kustomize-patches.js";
import { checkParses, fileKind, isHelmTemplate, isTestFile, readsMarkers } from "./file-kind.js";
import { allowance, imagesFor, settersFor, targetOf, targetsInScope, warnIdlePaths, warnRefusedImages } from "./targets.js";
import { holdsImage, unreachedImages, warnUnreached } from "./unreached.js";
import { warnBesideMarkers, warnUnpolicied } from "./beside-markers.js";
import { marksOf } from "./file-markers.js";
import { leftBehind, warnUnmoved } from "./left-behind.js";
import {
  checkConfiguredOverrides,
  collectOverrides,
  configuredOverride,
  located,
  overFileAbout,
  overriddenIn,
  overrideNames,
  overrideNamesField,
  type RequestedOverride,
} from "./overrides.js";
import { andList } from "../text/and-list.js";
import { pathFilter } from "./path-glob.js";
import { screenFor } from "./screen.js";
import { misplacedConfigsIn, warnMisplacedConfigs } from "./misplaced-config.js";

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

/** The configuration read when the request names none; its `.yml` spelling is read too (GitHub users write both). */
export const DEFAULT_CONFIG = ".github/gitops-promote.yaml";
const DEFAULT_CONFIGS: readonly string[] = [DEFAULT_CONFIG, ".github/gitops-promote.yml"];

/** The files that may hold a request's configuration, relative to the root: the one it names, else either default name; none when it gives a Config. */
export function configPathsOf(request: Pick<UpdateRequest, "config">): readonly string[] {
  if (request.config === undefined) return DEFAULT_CONFIGS;
  return typeof request.config === "string" ? [request.config.replace(/^\.\//, "")] : [];
}

/** What messages call a configuration the request gives as a Config, which is in no file. */
const GIVEN_CONFIG = "the configuration";

/** A diagnostic on a configuration given as a Config: in no file, so its message names it (and the line of the text it was parsed from, if any). */
function unfiled<T extends Diagnostic>(diagnostic: T): T {
  const { file, line, ...rest } = diagnostic;
  if (file !== GIVEN_CONFIG) return diagnostic;
  return { ...rest, message: `${file}${line === undefined ? "" : ` (line ${line})`}: ${diagnostic.message}` } as T;
}

/**
 * The configuration a request reads in a tree, and what messages call it (its file, or GIVEN_CONFIG); `given`
 * when the request gives it (a Config, or none as NO_CONFIG asks). Throws RequestError for one in error, or missing where it is named.
 */
async function configOf(
  source: TreeSource,
  present: ReadonlySet<string>,
  request: UpdateRequest,
  create: boolean,
): Promise<{ readonly config: Config | undefined; readonly configPath: string; readonly given: boolean }> {
  // `config: none` reads no configuration, as one given with nothing in it.
  const given =
    typeof request.config === "object" ? request.config : request.config === NO_CONFIG ? { targets: [], setters: new Map(), overrides: [] } : undefined;
  if (given) return { config: given, configPath: GIVEN_CONFIG, given: true };
  const configPath = configPathIn(request, present);
  return { config: await loadConfig(source, present, configPath, request.config !== undefined, create), configPath, given: false };
}

/**
 * The request validated (validateRequest). A refusal that offers a value given as a tag alone an unknown repository
 * is checked again with what the tree names (knownImagesIn); read only then, it costs a valid run nothing. A tree
 * that cannot be read then leaves the refusal as it is: it is the request that is wrong.
 */
export async function validateInTree(listed: TreeSource, request: UpdateRequest): Promise<ValidRequest> {
  try {
    return validateRequest(request);
  } catch (error) {
    if (!(error instanceof RequestError) || !error.issues.some((issue) => issue.message.includes(UNKNOWN_REPOSITORY))) throw error;
    const known = await knownImagesIn(listed, request).catch(() => undefined);
    if (!known) throw error;
    return validateRequest(request, known);
  }
}

/**
 * What a tree names the images of a request by (KnownImages), for the whole reference a refusal offers a value
 * given as a tag alone (`--setter flux-system:app=1.2.3`): the configuration's setters and the repositories its
 * targets name, and each marker key whose Flux ImagePolicy resolves to one ImageRepository in the tree, in the
 * namespaces its builds put it in (a configured setter of the key wins, as in a run). A tree or configuration
 * that cannot be read names none from it: the run with the request fixed says why.
 */
async function knownImagesIn(listed: TreeSource, request: UpdateRequest): Promise<KnownImages> {
  const readable = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (error instanceof RequestError) return undefined;
      throw error;
    }
  };
  const tree = await readable(() => listTree(listed));
  if (!tree) return {};
  const { files, source } = tree;
  // A configuration given as an object parseConfig did not make is refused, not read.
  const read = isConfigField(request.config) ? await readable(() => configOf(source, new Set(files), request, false)) : undefined;
  const config = read?.config;
  const treeRoot = repositoryPath(request.pathInRepository ?? "");
  // The files a run reads Flux objects from, and the Flux Kustomizations that give them a namespace.
  const yaml = files.filter((path) => fileKind(path) === "yaml" && mayBeManifest({ configPath: read?.configPath ?? GIVEN_CONFIG, misplaced: new Set() }, path));
  const screened = await readScreened(source, yaml, (_, text) => mayHoldFluxObjects(text) || mayGiveNamespace(text), []);
  const texts = new Map(yaml.flatMap((path, i) => (screened[i] === undefined ? [] : [[path, screened[i]!] as const])));
  const docs = [...texts].flatMap(([file, text]) => (mayHoldFluxObjects(text) ? [{ file, text }] : []));
  const flux = docs.length === 0 ? undefined : fluxSetters(docs, treeRoot, namespacesOf(await kustomizationsIn(source, files, texts, treeRoot)(false)));
  const setters = new Map<string, Pick<ImageRef, "name">>();
  for (const [key, defined] of flux?.setters ?? []) if (new Set(defined.map((d) => d.repository)).size === 1) setters.set(key, defined[0]!);
  for (const [key, setter] of config?.setters ?? []) setters.set(key, setter);
  return { setters, repositories: [...new Set((config?.targets ?? []).flatMap((target) => target.images.map((image) => image.name)))] };
}

/** The configuration file a request reads in a tree: the one present (the first name when none is); both default names present is refused. */
function configPathIn(request: Pick<UpdateRequest, "config">, present: ReadonlySet<string>): string {
  const paths = configPathsOf(request);
  const found = paths.filter((path) => present.has(path));
  if (found.length > 1) throw new RequestError([{ field: "config", message: `config: ${found.join(" and ")} both exist, and only one is read; remove one` }]);
  return found[0] ?? paths[0]!;
}
const READ_CONCURRENCY = 64;

/**
 * Turns a request into a plan, reading `listed` and writing nothing (writePlan does). Throws
 * RequestError for bad input, each issue telling whether the request or the tree is wrong
 * (RequestIssue); whatever `listed` throws propagates as it is.
 */
export async function planUpdate(listed: TreeSource, request: UpdateRequest): Promise<Plan> {
  const valid = await validateInTree(listed, request);
  // Wrong whatever the tree holds: refused before it is read.
  const malformed = malformedSets(valid.sets, request.fieldName);
  if (malformed.length > 0) throw new RequestError(malformed);
  // Files left out of the tree for their names: said first, beside idlePaths, as no reason to call the run unquiet.
  const { files, source, warnings: leftOut } = await listTree(listed);
  const present = new Set(files);

  const create = request.create ?? false;
  const { config, configPath, given } = await configOf(source, present, request, create);
  // Said first, as the cause of what follows, and aside: what the run brings is written as the configuration read allows.
  const readConfig = {
    path: given ? undefined : configPath,
    present: config !== undefined,
    byDefault: request.config === undefined,
    none: request.config === NO_CONFIG,
  };
  const misplacedFiles = await misplacedConfigsIn(source, files, readConfig);
  const misplaced = warnMisplacedConfigs(misplacedFiles, readConfig, request.fieldName);
  const targets = asIssuesOf("target", () => targetsInScope(config, request.targets));
  const warnings: FieldWarning[] = [];
  const inScope = pathFilter(request.paths ?? [], files, warnings);
  // Said first, as the cause of what follows, but no reason to call the run unquiet (warnUnmoved): the files left are named still.
  const idlePaths: Warning[] = [];
  warnIdlePaths(config?.targets ?? [], targets, files, configPath, idlePaths);

  const { byFile: overridesByFile, issues } = collectOverrides(valid, config, configPath, present, inScope, warnings, request.fieldName);
  issues.push(...ofField("config", await checkConfiguredOverrides(source, config?.overrides ?? [], configPath, present, create)));
  if (issues.length > 0) throw new RequestError(issues.map(unfiled));
  const run = runContext({
    valid,
    source,
    files,
    treeRoot: repositoryPath(request.pathInRepository ?? ""),
    present,
    config,
    configPath,
    misplaced: misplacedFiles,
    targets,
    inScope,
    overridesByFile,
    allowDowngrade: request.allowDowngrade ?? false,
    create,
    fieldName: request.fieldName,
  });

  const { texts, readOnly } = await readCandidates(run, warnings);
  const kustomizations = kustomizationsIn(source, files, texts, run.treeRoot);
  const tagged = await kustomizeTaggedIn(kustomizations, texts, valid.images, run);
  const paired = await pairedTagsIn(kustomizations, texts, run, warnings);
  // Flux objects are in the namespaces the tree's builds put them in: the kustomizations above their files are read for them (namespacesOf).
  const resolved = resolveSetters(run, texts, warnings, [...texts.values()].some(mayHoldFluxObjects) ? await kustomizations(false) : undefined);
  // No marker of a file whose markers are not read stands for an image there.
  const setters: RunSetters = { forFile: (path) => (readsMarkers(path) ? resolved.forFile(path) : NO_SETTERS), fluxPoliciesAt: resolved.fluxPoliciesAt };
  const inScopeTexts = [...texts].filter(([path]) => inScope(path));
  await warnReach(run, inScopeTexts, resolved, setters, warnings);

  const planned = planFiles(run, texts, readOnly, tagged, paired, setters, warnings);
  warnImageUpdaterConstraints(
    valid.images,
    inScopeTexts,
    planned.flatMap((file) => file.changes),
    (path, image) => {
      const target = run.targetFor(path);
      return target && { target: target.name, ...allowance(target, image) };
    },
    warnings,
  );
  await warnLoneTags(run, texts, planned, warnings);
  warnings.push(
    ...runningAutomations(
      resolved.automations,
      planned.map((file) => file.path),
    ),
  );
  await warnLeftBehind(run, texts, planned, setters, kustomizations, warnings);
  // After the left-behind references are judged: this warning names the image at an edited field, which would explain them.
  warnings.push(...(await reachingOtherTargets(run, planned, kustomizations)));
  return {
    files: planned,
    changes: planned.flatMap((f) => f.changes),
    warnings: [...leftOut, ...misplaced, ...idlePaths, ...warnings].map((w) => unfiled(publicWarning(w))),
    targets: targets.map((t) => ({ name: t.name, ...(t.delivery && { delivery: t.delivery }) })),
    images: [...valid.images, ...valid.setters.values()],
  };
}

/** What every step of a run reads: the request as validated, the tree, the configuration and the targets in scope. */
interface RunContext {
  readonly valid: ValidRequest;
  readonly source: TreeSource;
  readonly files: readonly string[];
  /** Where the tree sits in its repository (`clusters`), from whose root Flux reads its paths. */
  readonly treeRoot: string;
  readonly present: ReadonlySet<string>;
  readonly config: Config | undefined;
  readonly configPath: string;
  /** Configurations where none is read (misplacedConfigsIn): never manifests. */
  readonly misplaced: ReadonlySet<string>;
  readonly targets: readonly Target[];
  readonly inScope: (path: string) => boolean;
  readonly overridesByFile: ReadonlyMap<string, readonly RequestedOverride[]>;
  readonly allowDowngrade: boolean;
  readonly create: boolean;
  /** The target a file belongs to among all configured (targetOf's). */
  readonly ownerOf: (path: string) => Target | undefined;
  /** The target of this run a file belongs to: none for a file of a target the run does not select. */
  readonly targetFor: (path: string) => Target | undefined;
  /** Whether a file belongs to a target the run does not select (payload `targets`): it is not this run's. */
  readonly unselected: (path: string) => boolean;
  /** Whether the file's target keeps the image out, as a warning of warnRefusedImages says. */
  readonly keptOut: (path: string, image: ImageRef) => boolean;
  /** The incoming images a file takes: every one without targets, those its target allows (under its policy) with them. */
  readonly updatesFor: (path: string) => ImageUpdate[];
  /** How the request's face names its fields, for advice that gives one a value (UpdateRequest's). */
  readonly fieldName?: FieldNamer;
}

function runContext(parts: Omit<RunContext, "ownerOf" | "targetFor" | "unselected" | "keptOut" | "updatesFor">): RunContext {
  const { valid, config, targets, allowDowngrade } = parts;
  // A file belongs to the first of all configured targets whose paths match it: a selection of targets picks among owners, never hands a file to another.
  const ownerOf = targetOf(config?.targets ?? []);
  const targetFor = (path: string): Target | undefined => {
    const owner = ownerOf(path);
    return owner && targets.includes(owner) ? owner : undefined;
  };
  const unselected = (path: string): boolean => ownerOf(path) !== undefined && targetFor(path) === undefined;
  return {
    ...parts,
    ownerOf,
    targetFor,
    unselected,
    keptOut: (path, image) => {
      const target = targetFor(path);
      return target !== undefined && allowance(target, image).refused !== undefined;
    },
    updatesFor: (path) => (unselected(path) ? [] : imagesFor(valid.images, config, targetFor(path), allowDowngrade)),
  };
}

/**
 * Before any edit, where the incoming images reach the tree: an image or --setter key nothing
 * in scope holds (a typo, most often, or --path leaving out the files that do), and the targets
 * whose allow-list or policy keeps one out.
 */
async function warnReach(
  run: RunContext,
  inScopeTexts: readonly (readonly [string, string])[],
  resolved: ReturnType<typeof resolveSetters>,
  { forFile }: RunSetters,
  warnings: Warning[],
): Promise<void> {
  const { valid, config, overridesByFile } = run;
  const unreached = unreachedImages(valid, resolved.definedFor, overridesByFile, inScopeTexts);
  const outside = await holdersOutside(run, unreached);
  warnUnreached(
    valid,
    unreached,
    {
      keys: resolved.known.keys,
      repositories: new Set([
        ...resolved.known.repositories,
        ...(config?.targets ?? []).flatMap((t) => t.images.map((i) => i.repository)),
        ...(config?.overrides ?? []).map((o) => o.repository),
      ]),
    },
    inScopeTexts,
    resolved.definedFor,
    (image) => outside.get(image.repository) ?? 0,
    warnings,
  );
  // Images that reach the tree only through markers (`--setter`) meet the same allow-lists.
  const markerImages = resolved.updates.map((u) => u.image).filter((image) => !valid.images.some((i) => i.repository === image.repository));
  warnRefusedImages(
    [
      ...valid.images.map((image) => ({ image, byRepository: true })),
      ...new Map(markerImages.map((image) => [image.repository, { image, byRepository: false }])).values(),
    ],
    run.targets,
    run.ownerOf,
    new Map(inScopeTexts),
    (path) => ({ setters: forFile(path).setters }),
    warnings,
  );
}

/**
 * How many files outside the paths to update hold each of `images` (holdsImage), by repository: read only when
 * --path left some out and an image reached none inside, which a mistyped path does.
 */
async function holdersOutside(run: RunContext, images: readonly ImageRef[]): Promise<ReadonlyMap<string, number>> {
  const held = new Map<string, number>();
  if (images.length === 0) return held;
  const outside = run.files.filter((path) => !run.inScope(path) && mayBeManifest(run, path));
  const texts = await readScreened(run.source, outside, (path, text) => images.some((image) => holdsImage(path, text, image)), []);
  outside.forEach((path, i) => {
    for (const image of images)
      if (texts[i] !== undefined && holdsImage(path, texts[i]!, image)) held.set(image.repository, (held.get(image.repository) ?? 0) + 1);
  });
  return held;
}

/** Whether a file may be a manifest to edit: a kind the editors read, not a test fixture, nor a configuration (.github/, the one read, one where none is read). */
function mayBeManifest(run: Pick<RunContext, "configPath" | "misplaced">, path: string): boolean {
  return fileKind(path) !== undefined && !isTestFile(path) && !path.startsWith(".github/") && path !== run.configPath && !run.misplaced.has(path);
}

/** The setters of a run (resolveSetters'), none standing for an image in a file whose markers are not read. */
type RunSetters = Pick<ReturnType<typeof resolveSetters>, "forFile" | "fluxPoliciesAt">;

/**
 * The files that may need an edit, read and screened (screenFor), with the Applications among
 * them read for a lone tag only (chart-tags.ts: a parameter's, or a values file's they list), and the Flux
 * Kustomizations for their targetNamespace only, never edited.
 */
async function readCandidates(run: RunContext, warnings: Warning[]): Promise<{ texts: Map<string, string>; readOnly: ReadonlySet<string> }> {
  const { source, files, inScope, overridesByFile } = run;
  const screen = screenFor(run.valid.images);
  // The configuration is never a manifest, nor is one where none is read: their `image:` fields name repositories, not versions.
  // Outside the paths, YAML files are read only for the Flux objects that define markers, and
  // deployers naming an incoming image (a Flux Kustomization's or Argo CD Application's images may tag a bare one):
  // those usually live apart from the manifests they drive (flux-system/), and are never edited.
  // So is a Flux Kustomization with a targetNamespace, for the namespace it gives the Flux objects it builds.
  // Every file an override names is read too, whatever it is, and every KCLRun, whatever it sets: whether each build
  // of a KCL base sets its image (kcl-runs.ts) counts the ones that set none.
  const paths = files.filter((path) => overridesByFile.has(path) || (mayBeManifest(run, path) && (inScope(path) || fileKind(path) === "yaml")));
  const readOnly = new Set<string>();
  const keep = (path: string, text: string): boolean => {
    if (!inScope(path))
      return mayHoldFluxObjects(text) || mayHoldKclRun(text) || mayGiveNamespace(text) || (mayHoldDeployer(path, text) && screen.yaml.test(text));
    if (overridesByFile.has(path)) return true;
    if (fileKind(path) !== "yaml") return screen.kcl(text);
    const found = screen.yaml.exec(text);
    if (found === null) {
      if (mayHoldKclRun(text)) return true;
      if (!mayGiveNamespace(text)) return false;
      readOnly.add(path);
      return true;
    }
    if (found[0] !== "Application") return true;
    if (screen.argo.test(text) || (hasPlaceholder(text) && screen.templated.some((piece) => text.includes(piece)))) return true;
    if (!text.includes("parameters") && !text.includes("valueFiles")) return false;
    readOnly.add(path);
    return true;
  };
  const read = await readScreened(source, paths, keep, warnings);
  // A file an override names must be UTF-8; the first named that is not is the error.
  for (const path of overridesByFile.keys()) read[paths.indexOf(path)] ??= await readNamed(source, path);
  return { texts: new Map(paths.flatMap((path, i) => (read[i] === undefined ? [] : [[path, read[i]] as const]))), readOnly };
}

/** Each file in scope edited as its target and setters allow (`tagged`, kustomizeTaggedIn's): those whose text changes. */
function planFiles(
  run: RunContext,
  texts: ReadonlyMap<string, string>,
  readOnly: ReadonlySet<string>,
  tagged: KustomizeTagged,
  paired: PairedTags,
  { forFile, fluxPoliciesAt }: RunSetters,
  warnings: FieldWarning[],
): FilePlan[] {
  const planned: FilePlan[] = [];
  for (const [path, text] of texts) {
    if (!run.inScope(path) || readOnly.has(path)) continue;
    const target = run.targetFor(path);
    const { setters, knownSetters, left } = forFile(path);
    const kustomizeTagged = tagged.left.get(path);
    const pairedTags = paired.get(path);
    // A file of a target this run does not select (payload `targets`) is not this run's: only a --set naming it edits it.
    // Its markers are known keys with no news for this run.
    const editRequest: FullEditRequest = run.unselected(path)
      ? {
          images: [],
          setters: new Map(),
          knownSetters: new Map([...knownSetters, ...[...setters.keys()].map((key) => [key, undefined] as const)]),
          fieldName: run.fieldName,
        }
      : {
          images: run.updatesFor(path),
          setters: settersFor(setters, target),
          knownSetters,
          ...(kustomizeTagged && { kustomizeTagged }),
          ...(pairedTags && { pairedTags }),
          fieldName: run.fieldName,
        };
    const requested = run.overridesByFile.get(path) ?? [];
    const overrides = requested.flatMap((o): (string | ComputedOverride)[] => (typeof o === "string" ? [o] : configuredOverride(o, editRequest.images)));
    const overridden = overriddenIn(requested, editRequest.images);
    const filePlan = planFile(path, text, editRequest, overrides, overridden, run.create, target?.name, warnings, isHelmTemplate(path, run.present));
    if (!filePlan) continue;
    planned.push(filePlan);
    warnTaggedElsewhere(filePlan.changes, tagged.elsewhere.get(path), target?.name, warnings);
    const marks = marksOf(path, text);
    warnBesideMarkers(filePlan.changes, target ? new Map() : editRequest.setters, left, marks, warnings);
    warnUnpolicied(
      filePlan.changes,
      editRequest.images,
      (repository) => fluxPoliciesAt(path, repository),
      (image) => markedIn(forFile(path), marks, image),
      warnings,
    );
  }
  return planned;
}

/**
 * The lone tags that override an image's tag where it moved (chart-tags.ts), those a marker
 * moved or an override names left out. The values files Applications list that spell no
 * incoming repository were not read: a lone tag in one is read for this only.
 */
async function warnLoneTags(run: RunContext, texts: ReadonlyMap<string, string>, planned: readonly FilePlan[], warnings: Warning[]): Promise<void> {
  const loneTags: FieldWarning[] = [];
  const unread = unreadValueFiles(texts, run.present, run.updatesFor);
  // Read as the screen reads (in parallel); one that is not UTF-8 holds no tag to name, and is no news here.
  const valueTexts = await readScreened(run.source, unread, () => true, []);
  const withValues = new Map([...texts, ...unread.flatMap((path, i) => (valueTexts[i] === undefined ? [] : [[path, valueTexts[i]] as const]))]);
  warnLoneTagParameters(withValues, run.inScope, run.updatesFor, loneTags);
  const moved = new Set(planned.flatMap((file) => file.changes.map((c) => `${c.file}:${c.line}`)));
  // A tag an override names is someone else's to set, whatever image the override is for; one a marker moved is no news.
  const overrides = run.config?.overrides ?? [];
  warnings.push(...loneTags.filter((w) => !moved.has(`${w.file}:${w.line}`) && !overrideNames(w, run.overridesByFile.get(w.file!) ?? [], overrides)));
}

/**
 * Whether the warnings `said` of a file explain a reference to `repository` left at another version at `line`
 * (undefined: the file's own). One at its line does, or one about its image (about.image) that is of the whole
 * file (no line) or names its line (about.lines: an alias's, "of base-image (line 3), which holds …"): a field's
 * warning at another line (its digest pin dropped) speaks of that field, even of the image. One about another
 * image of the file (a parameter that moved, one refused) says nothing of it, at its line either (a flow mapping
 * or JSON line holding both). Without such references, or in a file not edited, any warning of the file does.
 * What a warning is about is compared, never its words, which get reworded.
 */
export function warnedOf(said: readonly FieldWarning[], repository: string, line: number | undefined): boolean {
  if (line === undefined || said.some((w) => w.about?.reason === "not-edited")) return said.length > 0;
  const ofOther = (w: FieldWarning) => w.about?.image !== undefined && w.about.image !== repository;
  const namesLine = (w: FieldWarning) => w.line === undefined || w.about?.lines?.includes(line) === true;
  return said.some((w) => (w.line === line && !ofOther(w)) || (namesLine(w) && w.about?.image === repository));
}

/**
 * The files in scope left at an old version of an incoming image that no warning explains
 * (left-behind.ts), but in a base whose every kustomize build re-tags the image, or whose every KCLRun sets the
 * field by a spec: it deploys no version of its own.
 */
async function warnLeftBehind(
  run: RunContext,
  texts: ReadonlyMap<string, string>,
  planned: readonly FilePlan[],
  { forFile }: RunSetters,
  kustomizations: ReturnType<typeof kustomizationsIn>,
  warnings: FieldWarning[],
): Promise<void> {
  const { valid, config } = run;
  const after = new Map(planned.map((file) => [file.path, file.after]));
  const warned = new Map<string, FieldWarning[]>();
  for (const w of warnings) {
    if (w.file === undefined || isAside(w)) continue;
    const said = warned.get(w.file) ?? [];
    said.push(w);
    warned.set(w.file, said);
  }
  const finalTexts = new Map([...texts].filter(([path]) => run.inScope(path)).map(([path, text]) => [path, after.get(path) ?? text] as const));
  // Each file's markers are read once, at the first of its places asked about.
  const marks = new Map<string, (key: string) => boolean>();
  const marksIn = (path: string) => marks.get(path) ?? marks.set(path, marksOf(path, texts.get(path)!)).get(path)!;
  const left = leftBehind(valid.images, finalTexts, {
    explained: (path, image, line) =>
      warnedOf(warned.get(path) ?? [], image.repository, line) ||
      // Marked fields follow their setter, overridden ones their override (a --set names no image: any of them): a warning says why either is left.
      (run.overridesByFile.get(path) ?? []).some((o) => typeof o === "string" || o.repository === image.repository) ||
      (config?.overrides ?? []).some((o) => o.file === path && o.repository === image.repository) ||
      markedIn(forFile(path), marksIn(path), image) ||
      run.keptOut(path, image) ||
      run.unselected(path),
    quiet: planned.length === 0 && warnings.every(isAside),
  });
  const built = left.length > 0 ? await kustomizations() : undefined;
  const retagged = built && retaggedInEveryBuild(built, valid.images);
  const asWritten = built && deployedAsWrittenBy(built, valid.images);
  const kclRuns =
    left.length > 0 ? [...texts].flatMap(([path, text]) => (fileKind(path) === "yaml" && mayHoldKclRun(text) ? kclRunsIn(text, run.treeRoot) : [])) : [];
  warnUnmoved(
    left.map(({ image, files }) => ({
      image,
      // Kustomize re-tags the image fields its entries name, a KCLRun the fields its specs set; the same reference in args or an env value is left behind all the same.
      files: files.flatMap((file) => {
        const text = finalTexts.get(file.path)!;
        const names = retagged?.get(file.path);
        // A file whose every build patches the version over it (an overlay's values patch of a HelmRelease base) deploys none of its own.
        const written = names ? undefined : asWritten?.({ file: file.path, text }, image.repository);
        if (written?.built && !written.deployed) return [];
        const at = names ? retaggedAt(text, image.repository, names) : new Set<number>();
        const lines = setByEveryKclRun(kclRuns, file.path, text);
        const places = file.places.filter((place) => !at.has(place.at) && !lines.has(place.line));
        return places.length > 0 ? [{ ...file, places }] : [];
      }),
    })),
    finalTexts,
    { targets: (config?.targets ?? []).map((t) => t.name), inNoTarget: (path) => run.ownerOf(path) === undefined, fieldName: run.fieldName },
    warnings,
  );
}

const NO_SETTERS: FileSetters = { setters: new Map(), knownSetters: new Map(), left: new Map() };

/** Whether the file marks (`marks`, marksOf's: where its editor reads the marker) a key that stands for the image. */
function markedIn({ setters, left }: FileSetters, marks: (key: string) => boolean, image: ImageRef): boolean {
  const keys = [
    ...[...setters].filter(([, update]) => update.image.repository === image.repository).map(([key]) => key),
    ...[...left].filter(([, images]) => images.some((i) => i.repository === image.repository)).map(([key]) => key),
  ];
  return keys.some(marks);
}

/** The issues, each marked as the request's `field` (RequestIssue). */
function ofField(field: NonNullable<RequestIssue["field"]>, issues: readonly Diagnostic[]): RequestIssue[] {
  return issues.map((issue) => ({ ...issue, field }));
}

/** What `run` returns; a RequestError it throws is thrown with its issues marked as the request's `field`. */
function asIssuesOf<T>(field: NonNullable<RequestIssue["field"]>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RequestError) throw new RequestError(ofField(field, error.issues));
    throw error;
  }
}

/**
 * The configuration at `path`, if any. A configuration in error is refused with every problem
 * at once: those of its text, and those its readable overrides meet in the tree (a file that
 * does not exist, a path not in it), in line order.
 */
async function loadConfig(source: TreeSource, present: ReadonlySet<string>, path: string, required: boolean, create: boolean): Promise<Config | undefined> {
  if (!present.has(path)) {
    if (required) throw new RequestError([{ field: "config", message: `config: ${path} does not exist` }]);
    return undefined;
  }
  const text = decodeUtf8(await source.read(path));
  if (text === undefined) throw new RequestError([{ field: "config", file: path, message: CONFIG_NOT_UTF8 }]);
  try {
    return parseConfig(text, path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const tree = await checkConfiguredOverrides(source, error.config?.overrides ?? [], path, present, create);
    // Stable: issues on one line keep their order.
    throw new RequestError(
      ofField(
        "config",
        [...error.issues, ...tree].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      ),
    );
  }
}

/**
 * Every kustomization file of the tree, the patch files they name, and the files read that may hold
 * a deployer tagging an image: the screened texts first, the files the screen did not keep read
 * again, with the same bounded parallelism (a tree may hold thousands); one that is not UTF-8 is
 * left out, as the screen leaves it out of every edit. Read when a run first needs them, once,
 * into the one KustomizeTree every question about the tree's builds reads; without `patches`, the
 * patch files' texts are left out (none), for what asks only where the builds go.
 */
function kustomizationsIn(
  source: TreeSource,
  files: readonly string[],
  texts: ReadonlyMap<string, string>,
  treeRoot: string,
): (patches?: boolean) => Promise<KustomizeTree> {
  let reading: Promise<KustomizeTree> | undefined;
  const textsOf = async (paths: readonly string[]): Promise<TextFile[]> => {
    const unread = paths.filter((file) => !texts.has(file));
    const again = await readScreened(source, unread, () => true, []);
    const reread = new Map(unread.flatMap((file, i) => (again[i] === undefined ? [] : [[file, again[i]!] as const])));
    return paths.flatMap((file) => {
      const text = texts.get(file) ?? reread.get(file);
      return text === undefined ? [] : [{ file, text }];
    });
  };
  let building: Promise<KustomizeTree> | undefined;
  const readBuilds = async (): Promise<KustomizeTree> => {
    const read = await textsOf(files.filter(isKustomizationFile));
    const deployers = [...texts].flatMap(([file, text]) => (fileKind(file) === "yaml" && mayHoldDeployer(file, text) ? [{ file, text }] : []));
    return { kustomizations: read, deployers, patches: new Map(), files, treeRoot };
  };
  const readAll = async (): Promise<KustomizeTree> => {
    const tree = await (building ??= readBuilds());
    const listed = new Set(files);
    const patches = await textsOf(patchFilesOf(tree.kustomizations).filter((file) => listed.has(file) && fileKind(file) === "yaml"));
    return { ...tree, patches: new Map(patches.map(({ file, text }) => [file, text])) };
  };
  // Finding the patch files parses every kustomization naming one, which namespacesOf, reading those above a file only, spares.
  return (patches = true) => (patches ? (reading ??= readAll()) : (building ??= readBuilds()));
}

/**
 * Which files' bare images kustomizations tag (kustomizations.ts), from every kustomization of
 * the tree (bases usually live outside the promoted path); worked out only when a file to edit
 * may hold a bare image of an incoming repository, which few runs meet. Left silently where a
 * kustomization this run edits sets the version; where all of them are outside the paths, the
 * bare image says so (the run changes nothing for it). Under targets, another target's
 * kustomization does not decide a file's version: where only such ones tag it, the bare image
 * is pinned, and `elsewhere` says so at it (warnTaggedElsewhere).
 */
async function kustomizeTaggedIn(
  kustomizations: ReturnType<typeof kustomizationsIn>,
  texts: ReadonlyMap<string, string>,
  images: readonly ImageRef[],
  run: Pick<RunContext, "inScope" | "ownerOf">,
): Promise<KustomizeTagged> {
  const { inScope } = run;
  const repositories = new Set(images.map((image) => image.repository));
  // The screened texts are few, the listing is every file: look at them first.
  if (repositories.size === 0 || ![...texts].some(([path, text]) => inScope(path) && mayHoldBareImage(text, repositories))) return NOT_TAGGED;
  const owners = { ownerOf: (path: string) => run.ownerOf(path)?.name, edited: inScope };
  const outside = (name: string, by: FirstFiles) =>
    `holds ${name} with no tag or digest, so its version is set by the images: of ${taggersWords(by)}, outside the paths; left as it is`;
  const left = new Map<string, Map<string, string | undefined>>();
  const elsewhere = new Map<string, Map<string, ReadonlyMap<string, FirstFiles>>>();
  for (const [file, names] of kustomizeTagged(await kustomizations(), images, owners)) {
    for (const [name, { by, edited, elsewhere: others }] of names) {
      if (by.first.length === 0) setIn(elsewhere, file, name, others);
      else setIn(left, file, name, edited ? undefined : outside(name, by));
    }
  }
  return { left, elsewhere };
}

/**
 * The lone Helm tags kustomize patches write over their base HelmRelease's pair, to edit as that pair's
 * (kustomize-patches.ts), with the patch files read into `texts`; worked out only where a file read may hold
 * a HelmRelease, which few runs meet.
 */
async function pairedTagsIn(
  kustomizations: ReturnType<typeof kustomizationsIn>,
  texts: Map<string, string>,
  run: RunContext,
  warnings: FieldWarning[],
): Promise<PairedTags> {
  if (![...texts.values()].some(mayHoldHelmRelease)) return new Map();
  const read = async (path: string) =>
    texts.get(path) ?? (run.present.has(path) && fileKind(path) === "yaml" ? (await readScreened(run.source, [path], () => true, []))[0] : undefined);
  const overridden = (file: string, field: string) => overrideNamesField(file, field, run.overridesByFile.get(file) ?? [], run.config?.overrides ?? []);
  const paired = await patchedTags({ ...run, overridden }, await kustomizations(), read, warnings);
  for (const file of paired.keys()) {
    const text = await read(file);
    if (text !== undefined) texts.set(file, text);
  }
  return paired;
}

/** kustomizeTaggedIn's answer: per file, the names left to kustomizations (with the reason said, if any), and those only other targets' kustomizations tag, by target. */
interface KustomizeTagged {
  readonly left: ReadonlyMap<string, ReadonlyMap<string, string | undefined>>;
  readonly elsewhere: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, FirstFiles>>>;
}

const NOT_TAGGED: KustomizeTagged = { left: new Map(), elsewhere: new Map() };

function setIn<V>(map: Map<string, Map<string, V>>, file: string, name: string, value: V): void {
  const names = map.get(file) ?? new Map<string, V>();
  map.set(file, names.set(name, value));
}

/**
 * At each bare image a file's target pinned that only other targets' kustomizations tag (`elsewhere`, by name):
 * which, and why their entries did not keep it bare, as the outside-the-paths reason names them.
 */
function warnTaggedElsewhere(
  changes: readonly Change[],
  elsewhere: ReadonlyMap<string, ReadonlyMap<string, FirstFiles>> | undefined,
  target: string | undefined,
  warnings: FieldWarning[],
): void {
  if (!elsewhere) return;
  for (const change of changes) {
    const ref = tryParseImageRef(change.old);
    const others = ref && ref.tag === undefined && ref.digest === undefined ? elsewhere.get(ref.name) : undefined;
    if (!ref || !others) continue;
    const by = andList([...others].map(([owner, files]) => `${taggersWords(files)} (target ${owner})`));
    warnings.push({
      file: change.file,
      line: change.line,
      message: `${change.key} holds ${ref.name} with no tag or digest, whose version the images: of ${by} set, outside ${target ? `target ${target}'s` : "its target's"} paths: another target's kustomization does not decide this one's version, so it is pinned as without it`,
    });
  }
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

function planFile(
  path: string,
  text: string,
  request: FullEditRequest,
  overrides: readonly (string | ComputedOverride)[],
  overridden: Overridden,
  create: boolean,
  target: string | undefined,
  warnings: FieldWarning[],
  helmTemplate: boolean,
): FilePlan | undefined {
  const kind = fileKind(path)!;
  // A byte order mark is no part of the source the editors read; it stays in front.
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  let edited: FieldEditResult;
  try {
    edited = kind === "kcl" ? editCheckedKcl(body, request, overridden) : kind === "kcl-mod" ? editKclMod(body, request) : editCheckedYaml(body, request);
  } catch (caught) {
    // A file nested deeper than a parser's own limits catch is this file's trouble, not the run's;
    // any other RangeError is a fault of ours, which must not pass for a file's.
    const overflow = caught instanceof RangeError && /call stack/i.test(caught.message);
    const error = overflow ? new SourceError(`nested too deep to read (${caught.message})`) : caught;
    if (!(error instanceof SourceError)) throw error;
    if (overrides.length > 0) throw new RequestError([located(path, error)]);
    if (!helmTemplate)
      warnings.push({
        file: path,
        ...(error.line !== undefined && { line: error.line }),
        message: `not edited: ${error.message}`,
        about: { reason: "not-edited" },
      });
    return undefined;
  }
  const {
    changes,
    warnings: fileWarnings,
    text: after,
  } = overrides.length > 0 ? overFileAbout(path, kind, edited, overrides, create, body, request.fieldName) : edited;
  // A policy's refusal of the incoming tag is said once, for its target or setter, not at each field.
  warnings.push(...fileWarnings.filter((w) => w.kind !== "policy-refusal").map((w) => ({ ...w, file: path })));
  if (after === body) return undefined;
  checkParses(kind, path, body, after);
  return {
    path,
    before: text,
    after: bom + after,
    changes: changes.map((c) => ({ ...c, file: path, ...(target && { target }) })),
    ...(target && { target }),
  };
}
