/**
 * Flux image-automation objects in the manifests repo, read as configuration: each
 * ImagePolicy (with the ImageRepository it points at) defines what the marker key
 * `<policy namespace>:<policy name>` stands for, so a repo already set up for Flux needs no
 * configuration of ours; each ImageUpdateAutomation says which files Flux sets the markers of, and
 * (its `spec.policySelector`, over the ImagePolicies' labels) for which policies.
 * Pure: file texts in, setters, automations and warnings out.
 *
 * One repo often holds several clusters, each with its own objects of the same names, of which
 * each cluster's Flux sees only its own: a name may have several definitions, and the one
 * nearest to where it is used governs (`nearestSetters`).
 *
 * Namespaces: kustomize-controller builds a directory with kustomize, whose `namespace:` (and a Flux
 * Kustomization's `spec.targetNamespace`) puts every object of the build in that namespace, whatever
 * `metadata.namespace` says: an object is in each namespace the builds reaching its file put it in
 * (kustomize-graph.ts namespacesOf), a file two overlays build in both. Where none sets one, it keeps
 * `metadata.namespace`; without that, the namespace it is applied to, which the repo does not say:
 * Flux's bootstrap puts image automation in `flux-system`, so that is the default here. An
 * `imageRepositoryRef` without a namespace is of the ImagePolicy's. The labels those builds put on it
 * (`labels:`, `commonLabels:`) are over its `metadata.labels` in the cluster, where a policySelector reads them.
 */
import { isMap, isScalar } from "yaml";
import type { Document, LineCounter, Node } from "yaml";
import type { AsideWarning, Warning } from "../change.js";
import { compileGoRegexp, GoRegexpError } from "../image/go-regexp.js";
import type { GoRegexp } from "../image/go-regexp.js";
import { parsePolicy, PolicyError } from "../image/policy.js";
import type { Policy } from "../image/policy.js";
import { ImageRefError, parseImageRef } from "../image/reference.js";
import { isRecord } from "../json-value.js";
import { andList } from "../text/and-list.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { formatLabelSelector, LabelSelectorError, parseLabelSelector, selects } from "./label-selector.js";
import type { LabelSelector } from "./label-selector.js";
import { FLUX_IMAGE } from "../yaml/api-groups.js";
import { packageDocuments, packageParse } from "../yaml/file.js";
import { formatPath } from "../yaml/path.js";
import type { BuiltNamespace } from "./kustomize-graph.js";
import type { TextFile } from "./source.js";
import { repositoryPath, treeDirectory } from "./tree-path.js";

/** What one marker key stands for, from an ImagePolicy and its ImageRepository. */
export interface FluxSetter {
  /** The ImageRepository's `spec.image` as written: what `:name` markers and the plain marker write. */
  readonly name: string;
  /** Canonical repository, to match incoming images. */
  readonly repository: string;
  readonly policy: Policy;
  /** The ImageRepository's `spec.exclusionList` (Go regexes, unanchored): matching tags are refused. */
  readonly exclusionList: readonly GoRegexp[];
  /** Where each exclusionList pattern is written (its entry; the ImageRepository for Flux's default): what a warning that it excludes a tag points at. */
  readonly exclusionSites: readonly SourceLine[];
  /** Where the ImagePolicy is. */
  readonly file: string;
  readonly line: number;
  /** The kustomization (or Flux Kustomization) whose build puts the ImagePolicy in the namespace of its key, where one does. */
  readonly namespacedBy?: string;
  /** The ImagePolicy's labels in the cluster (its `metadata.labels`, under those its build adds), where it has any: what an automation's spec.policySelector selects by. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The kustomization each label its build adds comes from, by key. */
  readonly labelledBy?: Readonly<Record<string, string>>;
}

/** An ImageUpdateAutomation's `spec.policySelector`, where it narrows anything: `selector` undefined for one Kubernetes refuses, which selects nothing (Flux's controller fails on it). */
export interface PolicySelector {
  readonly selector: LabelSelector | undefined;
  /** `env=prod`, as kubectl writes it; "not valid" for a refused one. */
  readonly text: string;
  /** Where it is written, for a warning to point at. */
  readonly line: number;
}

/** An ImageUpdateAutomation: Flux sets the markers of its own namespace's policies its spec.policySelector selects, in files under its update path only. */
export interface FluxAutomation {
  /** `<namespace>/<name>`. */
  readonly id: string;
  readonly namespace: string;
  /** `spec.update.path` from the repository root, without `./` or a trailing `/`; "" for the root (Flux's default). */
  readonly path: string;
  /** The same directory as a path of the tree read (its files' paths are from the tree's root): "" for the whole tree, undefined for none of it. */
  readonly treePath: string | undefined;
  readonly file: string;
  readonly line: number;
  /** Said when the run changes a file under its path, for one not suspended (both would commit there). */
  readonly running?: AsideWarning;
  /** Which of its namespace's ImagePolicies it sets the markers of; absent for all of them (Flux's default, and `{}`'s). */
  readonly policySelector?: PolicySelector;
}

const API_VERSION = new RegExp(String.raw`^${escapeRegExp(FLUX_IMAGE)}(?:v1beta1|v1beta2|v1)$`);
const DEFAULT_NAMESPACE = "flux-system";
/** Flux's default when `exclusionList` is empty: cosign signature tags. A list given replaces it. */
const DEFAULT_EXCLUSIONS = ["^.*\\.sig$"];

/** Cheap byte screen before any parse: every Flux image object names its API group, followed by the version (API_VERSION). */
export function mayHoldFluxObjects(text: string): boolean {
  return text.includes(FLUX_IMAGE);
}

/**
 * `text` with its Flux image-automation documents blanked out, lines and offsets kept: an
 * ImageRepository's `spec.image` names the repository Flux scans, never a version anything runs,
 * so it is neither a file holding the image nor a reference left behind.
 */
export function withoutFluxImageObjects(text: string): string {
  if (!mayHoldFluxObjects(text)) return text;
  // Blanking reads no error: a repeated key is not looked for (it costs a look among a mapping's keys per key).
  return lastBlanked.get(text) ?? blankedFluxDocuments(text, packageParse(text, false).documents);
}

/**
 * The files the last fluxSetters call read, blanked (withoutFluxImageObjects'), by text: the same run asks for
 * them again (left-behind references, files holding the image), and parsing a file of hundreds of objects is
 * what costs. The answer depends on the text alone, so another run's entry (two runs in one process) is as good.
 */
let lastBlanked: ReadonlyMap<string, string> = new Map();

/** `text` with those of its documents (`docs`, its parse) that are Flux image objects blanked out. */
function blankedFluxDocuments(text: string, docs: readonly Document.Parsed[]): string {
  let kept = "";
  let from = 0;
  for (const doc of docs) {
    const apiVersion = isMap(doc.contents) ? doc.contents.get("apiVersion") : undefined;
    if (typeof apiVersion !== "string" || !API_VERSION.test(apiVersion)) continue;
    const [start, , end] = doc.range;
    kept += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, " ");
    from = end;
  }
  return kept + text.slice(from);
}

/** A file and a 1-based line in it. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

interface Located extends SourceLine {
  readonly id: string;
}

/** An ImageRepository's spec, as read. */
interface Scanned {
  readonly name: string;
  readonly repository: string;
  readonly exclusionList: readonly GoRegexp[];
  readonly exclusionSites: readonly SourceLine[];
}

interface Repository extends Located, Scanned {}

/** An ImagePolicy's spec, as read: its policy and the ImageRepository it points at (`namespace` given or not). */
interface PolicySpec {
  readonly policy: Policy;
  readonly repositoryName: string;
  readonly repositoryNamespace: string | undefined;
}

interface PolicyObject extends Located {
  readonly key: string;
  readonly repositoryId: string;
  readonly policy: Policy;
  readonly namespacedBy?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly labelledBy?: Readonly<Record<string, string>>;
}

/** An object's namespace, and the kustomization whose build puts it there, where one does; with the labels the build adds, where it adds any. */
interface Namespaced {
  readonly namespace: string;
  readonly by?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly labelledBy?: Readonly<Record<string, string>>;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Reads one document's objects, with lines for its fields. */
class DocumentReader {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly warnings: Warning[],
  ) {}

  line(path: readonly (string | number)[]): number {
    const root = this.doc.contents;
    const node = (path.length > 0 && isMap(root) ? root.getIn(path, true) : undefined) as Node | undefined;
    return this.lines.linePos((node ?? root)?.range?.[0] ?? 0).line;
  }

  /** The line of the field at `path`, its key's where it has one; of the nearest field above it that is written, for one that is not. */
  fieldLine(path: readonly (string | number)[]): number {
    const root = this.doc.contents;
    if (!isMap(root)) return this.line([]);
    let at = path;
    while (at.length > 0 && root.getIn(at, true) === undefined) at = at.slice(0, -1);
    const parent = at.length > 0 ? root.getIn(at.slice(0, -1), true) : undefined;
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === at.at(-1)) : undefined;
    const key = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    return key === undefined ? this.line(at) : this.lines.linePos(key).line;
  }

  warn(path: readonly (string | number)[], message: string): void {
    this.warnings.push({ file: this.file, line: this.line(path), message });
  }

  located(id: string): Located {
    return { file: this.file, line: this.line([]), id };
  }

  /** `id` names the object in warnings: `<namespace>/<name>`, each of them for one in several namespaces. */
  repository(id: string, spec: Record<string, unknown>): Scanned | undefined {
    const image = text(spec.image);
    if (image === undefined) {
      this.warn(["spec"], `ImageRepository ${id}: spec.image is missing`);
      return undefined;
    }
    let ref;
    try {
      ref = parseImageRef(image);
    } catch (error) {
      if (!(error instanceof ImageRefError)) throw error;
      this.warn(["spec", "image"], `ImageRepository ${id}: ${error.message}`);
      return undefined;
    }
    if (ref.tag !== undefined || ref.digest !== undefined) {
      this.warn(["spec", "image"], `ImageRepository ${id}: spec.image ${JSON.stringify(image)} must name a repository without tag or digest`);
      return undefined;
    }
    const given = Array.isArray(spec.exclusionList) ? spec.exclusionList : [];
    const patterns = given.length > 0 ? given : DEFAULT_EXCLUSIONS;
    const exclusionList: GoRegexp[] = [];
    for (const [i, pattern] of patterns.entries()) {
      try {
        if (typeof pattern !== "string") throw new GoRegexpError(String(pattern), "not a string");
        exclusionList.push(compileGoRegexp(pattern));
      } catch (error) {
        if (!(error instanceof GoRegexpError)) throw error;
        this.warn(["spec", "exclusionList", i], `ImageRepository ${id}: spec.exclusionList[${i}]: ${error.message}; the repository is ignored`);
        return undefined;
      }
    }
    // Flux's default is written nowhere: the ImageRepository that leaves its list empty is where it applies.
    const exclusionSites = patterns.map((_, i) => ({ file: this.file, line: given.length > 0 ? this.line(["spec", "exclusionList", i]) : this.line([]) }));
    return { name: ref.name, repository: ref.repository, exclusionList, exclusionSites };
  }

  /**
   * Its update path says where markers belong, suspended or not. One not suspended here commits to
   * the same markers as gitops-promote, each run racing the other: `running` says so at its
   * `spec.suspend`, or at the object, for a run that changes a file under its path (runningAutomations).
   * A `flux suspend` changes the cluster only, which the tree cannot show: the file says it.
   */
  automation(id: string, spec: Record<string, unknown>, treeRoot: string): Pick<FluxAutomation, "path" | "treePath" | "running" | "policySelector"> {
    const update = isRecord(spec.update) ? spec.update : {};
    const path = repositoryPath(text(update.path) ?? "");
    const policySelector = this.policySelector(id, spec.policySelector, path);
    const running: AsideWarning | undefined =
      spec.suspend === true
        ? undefined
        : {
            file: this.file,
            line: this.line(spec.suspend === undefined ? [] : ["spec", "suspend"]),
            message: `ImageUpdateAutomation ${id} is not suspended: Flux's controller and gitops-promote would both commit to the markers under ./${path}; set spec.suspend: true here, or remove the object (its ImagePolicy and ImageRepository objects stay)`,
            aside: true,
          };
    return { path, treePath: treeDirectory(path, treeRoot), ...(running && { running }), ...(policySelector && { policySelector }) };
  }

  /**
   * `spec.policySelector`, where it narrows anything. One Kubernetes refuses (an unknown operator, In without
   * values) is said where it is written and selects nothing: Flux's controller fails on it and sets no marker.
   */
  private policySelector(id: string, given: unknown, path: string): PolicySelector | undefined {
    try {
      const selector = parseLabelSelector(given);
      return selector.length === 0 ? undefined : { selector, text: formatLabelSelector(selector), line: this.fieldLine(["spec", "policySelector"]) };
    } catch (error) {
      if (!(error instanceof LabelSelectorError)) throw error;
      const at = ["spec", "policySelector", ...error.path];
      this.warnings.push({
        file: this.file,
        line: this.fieldLine(at),
        message: `ImageUpdateAutomation ${id}: ${formatPath(at)}: ${error.message}; Flux's controller refuses the selector and sets no marker, so none is set under ./${path} by it`,
      });
      return { selector: undefined, text: "not valid", line: this.fieldLine(["spec", "policySelector"]) };
    }
  }

  /** `key` names its marker key (each of them) in warnings. */
  policy(id: string, key: string, spec: Record<string, unknown>): PolicySpec | undefined {
    const ref = isRecord(spec.imageRepositoryRef) ? spec.imageRepositoryRef : {};
    const repositoryName = text(ref.name);
    if (repositoryName === undefined) {
      this.warn(["spec"], `ImagePolicy ${id}: spec.imageRepositoryRef.name is missing; markers for ${key} are not mapped`);
      return undefined;
    }
    try {
      const policy = parsePolicy(spec.policy, `ImagePolicy ${id}`, spec.filterTags ?? undefined);
      return { policy, repositoryName, repositoryNamespace: text(ref.namespace) };
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      for (const issue of error.issues) {
        const path = issue.path[0] === "filterTags" ? ["spec", ...issue.path] : ["spec", "policy", ...issue.path];
        this.warn(path, `ImagePolicy ${id}: ${path.join(".")}: ${issue.message}; markers for ${key} are not mapped`);
      }
      return undefined;
    }
  }
}

/**
 * Setters from ImageRepository and ImagePolicy objects (`image.toolkit.fluxcd.io` v1beta1,
 * v1beta2, v1) in multi-document YAML files, keyed `<policy namespace>:<policy name>`, each
 * key with every definition of it in path order; and the ImageUpdateAutomation objects.
 * Objects that cannot be used (invalid policy, missing repository) are skipped with a warning
 * saying where they are. `treeRoot` is where the tree read (the docs' paths) sits in the
 * repository, whose root an automation's update path is from (repositoryPath's form; "" for the root).
 * `builtInto` gives the namespaces the tree's builds put a file's objects in (namespacesOf's).
 */
export function fluxSetters(
  docs: readonly TextFile[],
  treeRoot = "",
  builtInto: (file: string) => readonly BuiltNamespace[] = () => [],
): {
  setters: Map<string, FluxSetter[]>;
  automations: FluxAutomation[];
  warnings: Warning[];
} {
  const warnings: Warning[] = [];
  const repositories = new Map<string, Repository[]>();
  const policies: PolicyObject[] = [];
  const automations: FluxAutomation[] = [];
  const blanked = new Map<string, string>();

  for (const { file, text: source } of docs) {
    if (!mayHoldFluxObjects(source)) continue;
    const { documents: parsed, lines } = packageDocuments(source);
    blanked.set(source, blankedFluxDocuments(source, parsed));
    for (const doc of parsed) {
      if (doc.errors.length > 0) {
        // A template or broken file: Flux objects in it cannot be read, and should be known about.
        const error = doc.errors[0]!;
        warnings.push({
          file,
          // An error found at the very end (an unclosed brace) is reported on the last line, not after it.
          line: lines.linePos(Math.min(error.pos[0], source.trimEnd().length)).line,
          message: `not valid YAML (${error.message.split("\n")[0]}); Flux objects in it are ignored`,
        });
        continue;
      }
      let object: unknown;
      try {
        object = doc.toJS({ maxAliasCount: 100 });
      } catch (error) {
        // The yaml package's refusal of an alias bomb (or of an alias before its anchor) must not stop the run.
        if (!(error instanceof ReferenceError)) throw error;
        warnings.push({
          file,
          line: lines.linePos(doc.range[0]).line,
          message: `YAML aliases not expanded (${error.message}); Flux objects in it are ignored`,
        });
        continue;
      }
      if (!isRecord(object) || !isRecord(object.metadata) || !isRecord(object.spec)) continue;
      const { apiVersion, kind, metadata, spec } = object;
      if (kind !== "ImageRepository" && kind !== "ImagePolicy" && kind !== "ImageUpdateAutomation") continue;
      if (typeof apiVersion !== "string" || !API_VERSION.test(apiVersion)) continue;
      const reader = new DocumentReader(file, doc, lines, warnings);
      const name = text(metadata.name);
      if (name === undefined) {
        reader.warn(["metadata"], `${kind} without metadata.name is ignored`);
        continue;
      }
      const namespaces = objectNamespaces(builtInto(file), text(metadata.namespace));
      const idIn = (namespace: string) => `${namespace}/${name}`;
      const ids = andList(namespaces.map(({ namespace }) => idIn(namespace)));
      if (kind === "ImageRepository") {
        const scanned = reader.repository(ids, spec);
        if (!scanned) continue;
        for (const { namespace } of namespaces) {
          const id = idIn(namespace);
          appendTo(repositories, id, { ...reader.located(id), ...scanned });
        }
      } else if (kind === "ImagePolicy") {
        const read = reader.policy(ids, andList(namespaces.map(({ namespace }) => `${namespace}:${name}`)), spec);
        if (!read) continue;
        const { policy, repositoryName, repositoryNamespace } = read;
        const own = labelsOf(metadata.labels);
        for (const { namespace, by, labels: added, labelledBy } of namespaces) {
          // A kustomization's labels replace the object's own of the same key, as kustomize writes them.
          const labels = added ? { ...own, ...added } : own;
          const repositoryId = `${repositoryNamespace ?? namespace}/${repositoryName}`;
          policies.push({
            ...reader.located(idIn(namespace)),
            key: `${namespace}:${name}`,
            repositoryId,
            policy,
            ...(by && { namespacedBy: by }),
            ...(labels && { labels }),
            ...(labelledBy && { labelledBy }),
          });
        }
      } else {
        // One object in several namespaces is as many automations, of one spec: what is said of it is said once.
        const automation = reader.automation(ids, spec, treeRoot);
        automations.push(...namespaces.map(({ namespace }) => ({ ...reader.located(idIn(namespace)), namespace, ...automation })));
      }
    }
  }

  const setters = new Map<string, FluxSetter[]>();
  // A repository id each cluster defines is looked up from each cluster's policies: indexed once per id.
  const nearestRepositories = new Map<string, (from: readonly string[]) => Repository[]>();
  const repositoryIdentity = (r: Repository) => JSON.stringify([r.name, r.exclusionList.map((re) => re.source)]);
  for (const policy of policies) {
    let nearest = nearestRepositories.get(policy.repositoryId);
    if (!nearest) nearestRepositories.set(policy.repositoryId, (nearest = nearestIndex(repositories.get(policy.repositoryId) ?? [], repositoryIdentity)));
    const [repository, ...tied] = nearest([policy.file]);
    if (!repository || tied.length > 0) {
      const found = tied.length > 0 ? `defined differently at ${where([repository!, ...tied])}, equally near it` : "not found";
      warnings.push({
        file: policy.file,
        line: policy.line,
        message: `ImagePolicy ${policy.id}: ImageRepository ${policy.repositoryId} ${found}; markers for ${policy.key} are not mapped`,
      });
      continue;
    }
    const { name, exclusionList, exclusionSites } = repository;
    const setter = { name, repository: repository.repository, policy: policy.policy, exclusionList, exclusionSites };
    const namespacedBy = policy.namespacedBy && { namespacedBy: policy.namespacedBy };
    const labels = policy.labels && { labels: policy.labels, ...(policy.labelledBy && { labelledBy: policy.labelledBy }) };
    appendTo(setters, policy.key, { ...setter, file: policy.file, line: policy.line, ...namespacedBy, ...labels });
  }
  lastBlanked = blanked;
  return { setters, automations, warnings };
}

/** An object's `metadata.labels`, its string values (Kubernetes takes no other); undefined for none. */
function labelsOf(given: unknown): Record<string, string> | undefined {
  if (!isRecord(given)) return undefined;
  const labels = Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return Object.keys(labels).length > 0 ? labels : undefined;
}

/**
 * The namespaces an object of a file is in: each one the builds reaching the file put it in; its own
 * `metadata.namespace` (else flux-system) for a build that sets none, or where no build reaches it. Each
 * with the labels its build adds.
 */
function objectNamespaces(built: readonly BuiltNamespace[], own: string | undefined): Namespaced[] {
  const kept: Namespaced = { namespace: own ?? DEFAULT_NAMESPACE };
  const all =
    built.length === 0
      ? [kept]
      : built.map(({ namespace, by, labels, labelledBy }) => ({
          ...(namespace === undefined ? kept : { namespace, ...(by && { by }) }),
          ...(labels && { labels }),
          ...(labelledBy && { labelledBy }),
        }));
  return [...new Map(all.map((n) => [n.namespace, n])).values()];
}

/**
 * The definitions of one key that govern a marker, seen from `from` (the marked file, or the
 * automations that update it): at each, those whose file shares the longest directory prefix
 * with it, identical ones counted once. One is the answer; more are a tie.
 */
export function nearestSetters(from: readonly string[], setters: readonly FluxSetter[]): FluxSetter[] {
  return nearestOf(setters)(from);
}

/** nearestSetters over one list of definitions, indexed once for the many paths a run asks about. */
export function nearestOf(setters: readonly FluxSetter[]): (from: readonly string[]) => FluxSetter[] {
  return nearestIndex(setters, (s) => JSON.stringify([s.name, s.policy.description, s.exclusionList.map((re) => re.source)]));
}

/**
 * The definitions nearest to paths: those under the deepest directory above a path that holds any. Each
 * definition is filed under every directory above its file, so a path costs the steps of its depth, not a
 * comparison with each definition (a name each of hundreds of clusters defines). In definition order, the
 * first of identical ones standing for them.
 */
function nearestIndex<T extends { readonly file: string }>(definitions: readonly T[], identity: (definition: T) => string): (from: readonly string[]) => T[] {
  const under = new Map<string, { readonly definition: T; readonly identity: string }[]>();
  for (const definition of definitions) {
    const entry = { definition, identity: identity(definition) };
    for (const directory of directoriesAbove(definition.file)) appendTo(under, directory, entry);
  }
  return (from) => {
    const byIdentity = new Map<string, T>();
    for (const path of from) {
      const above = directoriesAbove(path);
      let nearest;
      for (let i = above.length - 1; nearest === undefined && i >= 0; i--) nearest = under.get(above[i]!);
      for (const { definition, identity } of nearest ?? []) if (!byIdentity.has(identity)) byIdentity.set(identity, definition);
    }
    return [...byIdentity.values()];
  };
}

/** Adds `value` to the list of `key`, in place: a name defined once per cluster has hundreds of definitions. */
function appendTo<T>(lists: Map<string, T[]>, key: string, value: T): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** The directories a file is in, from the tree's root ("") down to its own, each with its trailing `/`. */
function directoriesAbove(file: string): string[] {
  const above = [""];
  for (let end = file.indexOf("/"); end >= 0; end = file.indexOf("/", end + 1)) above.push(file.slice(0, end + 1));
  return above;
}

/** Whether Flux's automation walks `file` (a path of the tree read). */
export function updatesFile({ treePath }: FluxAutomation, file: string): boolean {
  return treePath !== undefined && (treePath === "" || file === treePath || file.startsWith(`${treePath}/`));
}

/** Whether an automation sets the markers of an ImagePolicy (`setter`, of its namespace): its spec.policySelector selects it. */
export function selectsPolicy({ policySelector }: FluxAutomation, setter: FluxSetter): boolean {
  if (policySelector === undefined) return true;
  return policySelector.selector !== undefined && selects(policySelector.selector, setter.labels ?? {});
}

/**
 * Of the automations `covering` a file, those that set its marker: each only for the ImagePolicy nearest to
 * it (`nearest`, its own cluster's) that its spec.policySelector selects. None where all of them leave it out.
 */
export function selectingAutomations(covering: readonly FluxAutomation[], nearest: (from: readonly string[]) => readonly FluxSetter[]): FluxAutomation[] {
  // Without a selector it selects every policy: no need to find the nearest.
  return covering.filter((a) => a.policySelector === undefined || nearest([a.file]).some((setter) => selectsPolicy(a, setter)));
}

/** The warnings of the automations not suspended that update a file of `changed`: there both would commit. */
export function runningAutomations(automations: readonly FluxAutomation[], changed: readonly string[]): AsideWarning[] {
  // An object in several namespaces shares one warning.
  return [...new Set(automations.flatMap((a) => (a.running && changed.some((file) => updatesFile(a, file)) ? [a.running] : [])))];
}

/** `a.yaml:2, b.yaml:9 and c.yaml:4`. */
export function where(objects: readonly { readonly file: string; readonly line: number }[]): string {
  return andList(objects.map((o) => `${o.file}:${o.line}`));
}
