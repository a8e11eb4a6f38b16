/**
 * Planning: request -> plan. Reads the tree once, screens every candidate file with a
 * byte search before any parse (most files of a manifests monorepo never hold the image),
 * runs the pure editors on the few that do, and returns the new texts with every change.
 * Nothing is written here; a plan that throws leaves the tree as it was.
 */
import type { Change, ChangeNames, FieldEditResult, FieldWarning, FullEditRequest, Warning } from "../change.js";
import { isAside, publicChange, publicWarning, SourceError } from "../change.js";
import type { MarkerLine } from "../image/marker.js";
import type { ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import { editCheckedKcl, type Overridden } from "../kcl/editor.js";
import { editKclMod } from "../kcl/mod-editor.js";
import type { ComputedOverride } from "../kcl/override.js";
import { editCheckedYaml } from "../yaml/editor.js";
import { hasPlaceholder } from "../yaml/placeholder.js";
import { NO_CONFIG, type Config, type Target } from "./config.js";
import { configOf, unfiled } from "./config-file.js";
import { asIssuesOf, ofField } from "./field-issues.js";
import { mayHoldFluxObjects, runningAutomations } from "./flux-objects.js";
import { repositoryPath } from "./tree-path.js";
import { warnImageUpdaterConstraints } from "./image-updater.js";
import { mayRankOverValues, unreadValueFiles, warnLoneTagParameters } from "./chart-tags.js";
import { RequestError, type FieldNamer, type UpdateRequest, type ValidRequest } from "./request.js";
import { validateInTree } from "./validate-in-tree.js";
import { malformedSetsIn } from "./apply-set.js";
import { resolveSetters, type FileSetters } from "./setters.js";
import { listTree, readText, type TreeSource } from "./source.js";
import { readNamed, readScreened } from "./tree-reads.js";
import { unreadKind, unreadWarnings, type UnreadKind } from "./unread-text.js";
import { reachingOtherTargets } from "./cross-target.js";
import { deployedAsWrittenBy } from "./deployed-as-written.js";
import { keptSpecsOver, kclModsOf, kclRunsIn, mayHoldKclRun, setByEveryKclRun, type KclMods, type Listing } from "./kcl-runs.js";
import { retaggedAt, retaggedInEveryBuild } from "./kustomizations.js";
import { kustomizationsIn, kustomizeTaggedIn, pairedTagsIn, warnTaggedElsewhere, type KustomizeTagged } from "./kustomize-reads.js";
import { mayGiveNamespace, mayHoldDeployer } from "./kustomize-graph.js";
import { pairedRepositories, type MergedOverBase, type PairedTags } from "./kustomize-patches.js";
import { checkParses, fileKind, isHelmTemplate, readsMarkers } from "./file-kind.js";
import { mayBeManifest } from "./manifest-candidates.js";
import { allowance, imagesFor, settersFor, targetOf, targetsInScope, warnIdlePaths, warnRefusedImages } from "./targets.js";
import { holdsImage, leftOutBy, unreachedImages, warnUnreached } from "./unreached.js";
import { warnBesideMarkers, warnUnpolicied } from "./beside-markers.js";
import { warnDowngrades } from "./downgrade.js";
import { marksOf, misplacedMarkers } from "./file-markers.js";
import { chartsOf, leftBehind, warnUnmoved } from "./left-behind.js";
import { warnBuiltOutside } from "./left-behind-outside.js";
import {
  checkConfiguredOverrides,
  collectOverrides,
  configuredOverride,
  located,
  overFileAbout,
  overriddenIn,
  overrideNames,
  type RequestedOverride,
} from "./overrides.js";
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

/** A FilePlan inside the engine, its changes with what they name (ChangeNames): publicFilePlan strips that. */
interface PlannedFile extends FilePlan {
  readonly changes: readonly (Change & ChangeNames)[];
}

/** `file` as it leaves the engine. */
function publicFilePlan(file: PlannedFile): FilePlan {
  return { ...file, changes: file.changes.map(publicChange) };
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

/**
 * Turns a request into a plan, reading `listed` and writing nothing (writePlan does). Throws
 * RequestError for bad input, each issue telling whether the request or the tree is wrong
 * (RequestIssue); whatever `listed` throws propagates as it is.
 */
export async function planUpdate(listed: TreeSource, request: UpdateRequest): Promise<Plan> {
  const valid = await validateInTree(listed, request);
  // Wrong whatever the tree holds: refused before it is read.
  const malformed = await malformedSetsIn(listed, valid.sets, request.fieldName);
  if (malformed.length > 0) throw new RequestError(malformed);
  // Files left out of the tree for their names: said first, beside idlePaths, as no reason to call the run unquiet.
  const { files, links, source, warnings: leftOut } = await listTree(listed);
  const present = new Set(files);

  const create = request.create ?? false;
  const { config, configPath, given } = await configOf(source, present, request, create, links);
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
  const inScope = pathFilter(request.paths ?? [], files, warnings, links);
  // Said first, as the cause of what follows, but no reason to call the run unquiet (warnUnmoved): the files left are named still.
  const idlePaths: Warning[] = [];
  warnIdlePaths(config?.targets ?? [], targets, files, configPath, idlePaths);

  const { byFile: overridesByFile, issues } = collectOverrides(valid, config, configPath, present, inScope, warnings, request.fieldName, links);
  issues.push(...ofField("config", await checkConfiguredOverrides(source, config?.overrides ?? [], configPath, present, create, request.fieldName, links)));
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
    definedAbove: request.definedAbove,
  });

  const { texts, readOnly, unread } = await readCandidates(run, warnings);
  const kustomizations = kustomizationsIn(source, files, texts, run.treeRoot);
  const tagged = await kustomizeTaggedIn(kustomizations, texts, valid.images, run);
  const mergedOver: MergedOverBase[] = [];
  const paired = await pairedTagsIn(kustomizations, texts, run, warnings, mergedOver);
  // Flux objects are in the namespaces the tree's builds put them in: the kustomizations above their files are read for them (namespacesOf).
  const resolved = resolveSetters(run, texts, warnings, [...texts.values()].some(mayHoldFluxObjects) ? await kustomizations(false) : undefined);
  // No marker of a file whose markers are not read stands for an image there.
  const setters: RunSetters = { forFile: (path) => (readsMarkers(path) ? resolved.forFile(path) : NO_SETTERS), fluxPoliciesAt: resolved.fluxPoliciesAt };
  // Files to update that are no text an editor reads (UTF-16, a Git LFS pointer): said once their markers' keys are known, not passed over.
  warnings.push(...(await unreadWarnings(source, unread, valid.images, (path) => setters.forFile(path).setters)));
  const inScopeTexts = [...texts].filter(([path]) => inScope(path));
  await warnReach(run, inScopeTexts, resolved, setters, paired, mergedOver, warnings);

  const planned = planFiles(run, texts, readOnly, tagged, paired, setters, warnings);
  // A kcl.mod's or KCLRun's spec decides over what an override wrote in a KCL file it builds: said at the change.
  // The tree's kcl.mod files are read once, and only for a KCL file: edited here, or left behind where a KCLRun builds its package.
  const kclMods = kclModsOf(source, present, texts);
  warnings.push(...(await keptSpecsOver(planned, texts, run.treeRoot, kclMods)));
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
  await warnLeftBehind(run, texts, planned, setters, kustomizations, kclMods, warnings);
  await warnBuiltOutside(run, valid.images, kustomizations, warnings);
  // After the left-behind references are judged: this warning names the image at an edited field, which would explain them.
  warnings.push(...(await reachingOtherTargets(run, planned, kustomizations)));
  return {
    files: planned.map(publicFilePlan),
    changes: planned.flatMap((f) => f.changes.map(publicChange)),
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
  /** Where something above the root defines a marker key nothing the run reads does (UpdateRequest's). */
  readonly definedAbove?: ((key: string) => string | undefined) | undefined;
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
 * the run updates holds (a typo, most often, or --path or a selection of targets leaving out the
 * files that do), and the targets whose allow-list or policy keeps one out. A kustomize patch's tag `paired` over
 * its base holds the image the two name together; a patch's own repository merged over its base's registry
 * (`mergedOver`) does not hold the image it spells, which kustomize deploys from that registry.
 */
async function warnReach(
  run: RunContext,
  inScopeTexts: readonly (readonly [string, string])[],
  resolved: ReturnType<typeof resolveSetters>,
  { forFile }: RunSetters,
  paired: PairedTags,
  mergedOver: readonly MergedOverBase[],
  warnings: Warning[],
): Promise<void> {
  const { valid, config, overridesByFile } = run;
  const reachedByPatch = pairedRepositories(paired);
  // A file of a target the run does not select is left out as one outside the paths is: nothing there is this run's.
  const updated = (path: string): boolean => run.inScope(path) && !run.unselected(path);
  const updatedTexts = inScopeTexts.filter(([path]) => updated(path));
  const overrides = new Map([...overridesByFile].filter(([file]) => updated(file)));
  // A patch's tag paired over its base reaches the image the two name together (kustomize-patches.ts).
  const candidates = valid.images.filter((image) => !reachedByPatch.has(image.repository));
  // A patch spelling the image as its own repository over its base's registry deploys another: that file is no holder.
  const misread = (image: ImageRef) => new Set(mergedOver.filter((m) => m.written === image.repository).map((m) => m.file));
  const unreached = unreachedImages({ ...valid, images: candidates }, resolved.definedFor, overrides, updatedTexts, misread);
  const outside = await holdersOutside(run, updated, unreached);
  const configured = config?.targets ?? [];
  const selected = run.targets.length < configured.length ? run.targets.map((t) => t.name) : undefined;
  warnUnreached(
    valid,
    unreached,
    {
      keys: resolved.known.keys,
      repositories: new Set([
        ...resolved.known.repositories,
        ...configured.flatMap((t) => t.images.map((i) => i.repository)),
        ...(config?.overrides ?? []).map((o) => o.repository),
      ]),
      mergedOver,
    },
    updatedTexts,
    resolved.definedFor,
    leftOutBy(!run.files.every(run.inScope), selected, (image) => outside.get(image.repository) ?? 0),
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
 * How many files the run does not update (outside the paths, of a target it does not select) hold each of `images`
 * (holdsImage), by repository: read only when an image reached none of those it updates, which a mistyped path or target does.
 */
async function holdersOutside(run: RunContext, updated: (path: string) => boolean, images: readonly ImageRef[]): Promise<ReadonlyMap<string, number>> {
  const held = new Map<string, number>();
  if (images.length === 0) return held;
  const outside = run.files.filter((path) => !updated(path) && mayBeManifest(run, path));
  const texts = await readScreened(run.source, outside, (path, text) => images.some((image) => holdsImage(path, text, image)), []);
  outside.forEach((path, i) => {
    for (const image of images)
      if (texts[i] !== undefined && holdsImage(path, texts[i]!, image)) held.set(image.repository, (held.get(image.repository) ?? 0) + 1);
  });
  return held;
}

/** The setters of a run (resolveSetters'), none standing for an image in a file whose markers are not read. */
type RunSetters = Pick<ReturnType<typeof resolveSetters>, "forFile" | "fluxPoliciesAt">;

/**
 * The files that may need an edit, read and screened (screenFor), with the Applications among
 * them read for a lone tag only (chart-tags.ts: a parameter's, a valuesObject's, or a values file's they list), and the Flux
 * Kustomizations for their targetNamespace only, never edited; and the files to update that are no text an
 * editor reads (`unread`: UTF-16, a Git LFS pointer), left out of `texts`.
 */
async function readCandidates(
  run: RunContext,
  warnings: Warning[],
): Promise<{ texts: Map<string, string>; readOnly: ReadonlySet<string>; unread: ReadonlyMap<string, UnreadKind> }> {
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
  const unread = new Map<string, UnreadKind>();
  const keep = (path: string, text: string): boolean => {
    if (!inScope(path))
      return mayHoldFluxObjects(text) || mayHoldKclRun(text) || mayGiveNamespace(text) || (mayHoldDeployer(path, text) && screen.yaml.test(text));
    const kind = unreadKind(text);
    if (kind !== undefined) {
      unread.set(path, kind);
      return false;
    }
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
    if (!mayRankOverValues(text)) return false;
    readOnly.add(path);
    return true;
  };
  const read = await readScreened(source, paths, keep, warnings);
  // A file an override names must be UTF-8; the first named that is not is the error.
  for (const path of overridesByFile.keys()) read[paths.indexOf(path)] ??= await readNamed(source, path);
  return { texts: new Map(paths.flatMap((path, i) => (read[i] === undefined ? [] : [[path, read[i]] as const]))), readOnly, unread };
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
): PlannedFile[] {
  const planned: PlannedFile[] = [];
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
          file: path,
        }
      : {
          images: run.updatesFor(path),
          setters: settersFor(setters, target),
          knownSetters,
          ...(kustomizeTagged && { kustomizeTagged }),
          ...(pairedTags && { pairedTags }),
          fieldName: run.fieldName,
          file: path,
        };
    const requested = run.overridesByFile.get(path) ?? [];
    const overrides = requested.flatMap((o): (string | ComputedOverride)[] => (typeof o === "string" ? [o] : configuredOverride(o, editRequest.images)));
    const overridden = overriddenIn(requested, editRequest.images);
    const filePlan = planFile(path, text, editRequest, overrides, overridden, run.create, target?.name, warnings, isHelmTemplate(path, run.present));
    if (!filePlan) continue;
    planned.push(filePlan);
    warnTaggedElsewhere(filePlan.changes, tagged.elsewhere.get(path), target?.name, warnings);
    const marks = marksOf(path, text);
    let misplaced: readonly MarkerLine[] | undefined;
    warnBesideMarkers(filePlan.changes, target ? new Map() : editRequest.setters, left, marks, warnings);
    warnUnpolicied(
      filePlan.changes,
      editRequest.images,
      (repository) => fluxPoliciesAt(path, repository),
      (image) => markedIn(forFile(path), marks, image),
      () => (misplaced ??= misplacedMarkers(path, text)),
      warnings,
    );
    warnDowngrades(filePlan.changes, editRequest.images, editRequest.setters, warnings);
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
  warnLoneTagParameters(withValues, run.inScope, run.updatesFor, loneTags, run.fieldName);
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
  kclMods: KclMods,
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
  // As the plan leaves them: an override may set an appVersion.
  const charts = new Map(
    await Promise.all(chartsOf(finalTexts.keys(), run.present).map(async (path) => [path, after.get(path) ?? (await readText(run.source, path))] as const)),
  );
  const left = leftBehind(valid.images, finalTexts, {
    charts,
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
  // A KCLRun builds a base its package's kcl.mod lists in its [profile] entries: only those kcl.mods are asked.
  const runDirectories = new Set(kclRuns.map((r) => r.directory));
  const kclFiles =
    kclRuns.length > 0 ? [...new Set(left.flatMap(({ files }) => files.map((file) => file.path)))].filter((path) => fileKind(path) === "kcl") : [];
  const listedBy = new Map<string, readonly Listing[]>(
    await Promise.all(kclFiles.map(async (path) => [path, await kclMods.listing(path, runDirectories)] as const)),
  );
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
        const lines = setByEveryKclRun(kclRuns, file.path, text, listedBy.get(file.path));
        const places = file.places.filter((place) => !at.has(place.at) && !lines.has(place.line));
        return places.length > 0 ? [{ ...file, places }] : [];
      }),
    })),
    finalTexts,
    {
      targets: (config?.targets ?? []).map((t) => t.name),
      inNoTarget: (path) => run.ownerOf(path) === undefined,
      fieldName: run.fieldName,
      // A base in no target an overlay of a target deploys as written: said with that overlay, where the fix goes.
      deployedBy: (path, image) =>
        (asWritten ? asWritten({ file: path, text: finalTexts.get(path)! }, image.repository).by : []).flatMap((kustomization) => {
          const target = run.ownerOf(kustomization);
          return target ? [{ kustomization, target: target.name }] : [];
        }),
    },
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
): PlannedFile | undefined {
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
