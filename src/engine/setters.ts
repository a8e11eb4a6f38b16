/**
 * Setter resolution: what each Flux marker key stands for, per file. Flux ImagePolicy and
 * ImageRepository objects in the tree define keys, configured setters override them, and
 * `--setter` values say what a key sets in this run; a key Flux objects define in several
 * clusters is governed, file by file, by the definition Flux would apply there.
 */
import type { Warning, WarningKind } from "../change.js";
import type { Policy } from "../image/policy.js";
import { formatImageRef, type ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import type { Config, Target } from "./config.js";
import { fileKind } from "./file-kind.js";
import { fileMarkers } from "./file-markers.js";
import {
  fluxSetters,
  mayHoldFluxObjects,
  nearestOf,
  nearestSetters,
  selectingAutomations,
  updatesFile,
  where,
  type FluxAutomation,
  type FluxSetter,
  type SourceLine,
} from "./flux-objects.js";
import { namespacesOf, type KustomizeTree } from "./kustomize-graph.js";
import { repositoryPattern } from "../image/reference.js";
import { RequestError, type ValidRequest } from "./request.js";
import { givenValue, type FieldNamer } from "../field-name.js";
import { andList, cappedList } from "../text/and-list.js";

/** What a marker key stands for: a configured setter, or one Flux ImagePolicy (`flux`) of maybe several. */
interface Definition {
  readonly name: string;
  readonly repository: string;
  readonly policy?: Policy;
  /** Where the pattern that excludes `tag` is written; undefined for a tag not excluded. */
  readonly excluded?: (tag: string) => SourceLine | undefined;
  readonly flux?: FluxSetter;
}

/**
 * One definition of a key, the image this run brings for it, what it sets (nothing when the run
 * does not concern it, or the tag is excluded), and a warning for where a marker uses it.
 */
interface Candidate {
  readonly flux?: FluxSetter;
  readonly image?: ImageRef;
  readonly update?: ImageUpdate;
  /** Said at `at`, else at the ImagePolicy (`flux`). */
  readonly note?: { readonly message: string; readonly kind?: WarningKind; readonly at?: SourceLine };
}

/**
 * The setters for the markers of one file, and every other key with why it sets nothing there
 * (EditRequest's): a defined key, or one nothing defines, which is said once for the run instead of at each marker.
 */
export interface FileSetters {
  readonly setters: ReadonlyMap<string, ImageUpdate>;
  readonly knownSetters: ReadonlyMap<string, string | undefined>;
  /** The keys this run brings an image for whose markers here are left as they are (knownSetters says why), to those images. */
  readonly left: ReadonlyMap<string, readonly ImageRef[]>;
}

/** A Flux ImagePolicy of the tree, under its marker key. */
export interface FluxPolicy {
  readonly key: string;
  readonly setter: FluxSetter;
}

/** What resolving setters reads of a run (plan.ts's RunContext). */
export interface SetterRun {
  readonly valid: ValidRequest;
  readonly config: Config | undefined;
  readonly configPath: string;
  readonly inScope: (path: string) => boolean;
  /** Whether the file's target keeps the image out: its own warning says so, not the markers'. */
  readonly keptOut: (path: string, image: ImageRef) => boolean;
  readonly allowDowngrade: boolean;
  /** Where the tree sits in its repository, whose root ImageUpdateAutomation update paths are from (fluxSetters'). */
  readonly treeRoot: string;
  /** The target a file belongs to, whose Flux objects (and no other target's) its markers see. */
  readonly ownerOf: (path: string) => Target | undefined;
  /** How the request's face names its fields, for the advice to give a key's image (UpdateRequest's). */
  readonly fieldName?: FieldNamer;
  /** Where something above the root defines a key nothing the run reads does, and the run that reads it (UpdateRequest's). */
  readonly definedAbove?: ((key: string) => string | undefined) | undefined;
}

/**
 * Marker keys to the image they stand for: Flux ImagePolicy/ImageRepository objects in the
 * tree, then configured setters (explicit configuration wins), then `--setter` values. A key
 * Flux objects define more than once (one repo, several clusters) has a definition per file
 * (`forFile`), which also tells every key that is defined at all, whether or not this run's
 * images concern it. And every update a marker may get (`updates`). `texts` are the files
 * read, in path order: Flux objects are taken in that order, each in the namespaces the builds of
 * `tree` put it in (kustomize-graph.ts namespacesOf; without a tree, its own).
 */
export function resolveSetters(
  run: SetterRun,
  texts: ReadonlyMap<string, string>,
  warnings: Warning[],
  tree?: KustomizeTree,
): {
  updates: ImageUpdate[];
  /** Every key a marker in scope uses or the tree and configuration define, and the repositories they define: what a typo may have meant. */
  known: { readonly keys: ReadonlySet<string>; readonly repositories: ReadonlySet<string> };
  forFile: (path: string) => FileSetters;
  fluxPoliciesAt: (path: string, repository: string) => readonly FluxPolicy[];
  /** The tree's ImageUpdateAutomation objects. */
  automations: readonly FluxAutomation[];
  /** The keys a configured setter or a Flux ImagePolicy defines for a repository, each with the ImagePolicies that do (none for a configured setter's). */
  definedFor: (repository: string) => ReadonlyMap<string, readonly FluxSetter[]>;
} {
  const { valid, config, configPath, inScope, keptOut, allowDowngrade, treeRoot, ownerOf } = run;
  const docs = [...texts].filter(([path, text]) => fileKind(path) === "yaml" && mayHoldFluxObjects(text));
  // The labels builds add are read by a spec.policySelector only: a tree whose automations have none is not read for them.
  const selecting = docs.some(([, text]) => text.includes("policySelector"));
  const flux = fluxSetters(
    docs.map(([file, text]) => ({ file, text })),
    treeRoot,
    tree && namespacesOf(tree, selecting),
  );
  warnings.push(...flux.warnings);
  const definitions = new Map<string, Definition[]>();
  for (const [key, setters] of flux.setters) {
    definitions.set(
      key,
      setters.map((setter) => ({
        ...setter,
        excluded: (tag: string) => setter.exclusionSites[setter.exclusionList.findIndex((re) => re.test(tag))],
        flux: setter,
      })),
    );
  }
  for (const [key, setter] of config?.setters ?? []) definitions.set(key, [setter]);

  // Flux writes only the image its ImageRepository scans: a value of another repository is a mistake, not a move.
  // A key defined once per cluster may scan another repository in each: the value must be one of them.
  const foreign = [...valid.setters].flatMap(([key, image]) => {
    const repositories = [...new Set(definitions.get(key)?.map((d) => d.repository))];
    if (repositories.length === 0 || repositories.includes(image.repository)) return [];
    const which = repositories.length > 1 ? "the repositories" : "the repository";
    return [{ message: `setter ${key}: ${formatImageRef(image)} is not ${repositories.join(" or ")}, ${which} this key is defined for` }];
  });
  if (foreign.length > 0) throw new RequestError(foreign);
  const candidates = new Map<string, Candidate[]>();
  for (const [key, defs] of definitions) {
    const given = valid.setters.get(key);
    // A --setter value goes only to the definitions of its repository; the others get nothing from it.
    const imageFor = (def: Definition) =>
      given ? (given.repository === def.repository ? given : undefined) : valid.images.find((i) => i.repository === def.repository);
    candidates.set(
      key,
      defs.map((def) => candidate(key, def, imageFor(def), given !== undefined, allowDowngrade)),
    );
  }
  for (const [key, image] of valid.setters) if (!definitions.has(key)) candidates.set(key, [{ update: { image, allowDowngrade } }]);

  const governing = governingOf(candidates, flux.automations, configPath, ownerOf);
  const markers = markersInScope(texts, inScope);
  warnings.push(...notesWhereUsed(candidates, governing, markers, keptOut));
  const unconfigured = new Map([...markers].filter(([key]) => !definitions.has(key) && !valid.setters.has(key)));
  // A run that brings no image (a --set alone) could have set none of them: no news then.
  if (valid.images.length > 0 || valid.setters.size > 0) {
    const incoming = valid.images.map(repositoryPattern);
    for (const [key, places] of unconfigured) {
      // A marked value of an incoming repository is left by its marker: that is why the image is not written there.
      const why = places.some((p) => incoming.some((pattern) => pattern.test(p.before)));
      warnings.push(unconfiguredWarning(key, places, configPath, why, run, namedElsewhere(key, flux.setters)));
    }
  }
  // A key this run brings nothing for is no news wherever it is defined; an undefined key is said once above, not at each marker.
  // Each is kept with the images it brings, which a file where it is left is told of.
  const brought = new Map(
    [...candidates]
      .filter(([, defined]) => defined.some((c) => c.update))
      .map(([key, defined]) => [key, defined.flatMap((c) => (c.update ? [c.update.image] : []))]),
  );
  const known = new Map<string, string | undefined>([...definitions.keys(), ...valid.setters.keys(), ...unconfigured.keys()].map((key) => [key, undefined]));
  return {
    automations: flux.automations,
    updates: [...candidates.values()].flat().flatMap((c) => (c.update ? [c.update] : [])),
    known: {
      keys: new Set([...markers.keys(), ...definitions.keys()]),
      repositories: new Set([...definitions.values()].flat().map((d) => d.repository)),
    },
    forFile(path) {
      const setters = new Map<string, ImageUpdate>();
      const left = new Map<string, readonly ImageRef[]>();
      let knownSetters = known;
      for (const [key, images] of brought) {
        const chosen = governing(key, path);
        if (typeof chosen === "string") {
          // A key left here is news at each of its markers: they say why.
          if (knownSetters === known) knownSetters = new Map(known);
          knownSetters.set(key, chosen);
          left.set(key, images);
        } else if (chosen.update) setters.set(key, chosen.update);
      }
      return { setters, knownSetters, left };
    },
    fluxPoliciesAt: (path, repository) => fluxPoliciesAt(flux, config, path, repository, seenBy(ownerOf, ownerOf(path))),
    definedFor: (repository) =>
      new Map(
        [...definitions]
          .filter(([, defs]) => defs.some((d) => d.repository === repository))
          .map(([key, defs]) => [key, defs.flatMap((d) => (d.flux && d.repository === repository ? [d.flux] : []))]),
      ),
  };
}

/**
 * The Flux ImagePolicies of a repository that would govern a field of it in the file at `path`,
 * were it marked: of each key (a configured setter of that key replaces Flux's), the definition
 * its marker would follow there (governingOf's rule; the nearest to the file itself where
 * no automation of the key's namespace updates it, as a base several clusters include), none
 * where the automations updating it all leave that definition out by their spec.policySelector; then of
 * those, the nearest to the file or to the automations that update it, as one cluster's objects
 * are nearer to its files than another's.
 */
function fluxPoliciesAt(
  flux: ReturnType<typeof fluxSetters>,
  config: Config | undefined,
  path: string,
  repository: string,
  seen: (file: string) => boolean,
): readonly FluxPolicy[] {
  const keyOf = new Map<FluxSetter, string>();
  const automations = flux.automations.filter((a) => seen(a.file));
  for (const [key, defs] of flux.setters) {
    if (config?.setters.has(key)) continue;
    const ofRepository = defs.filter((d) => d.repository === repository && seen(d.file));
    if (ofRepository.length === 0) continue;
    const namespace = key.slice(0, key.indexOf(":"));
    const covering = automations.filter((a) => a.namespace === namespace && updatesFile(a, path));
    const nearest = nearestOf(ofRepository);
    // governingIn's rule: a marker none of them would set is no advice.
    const selecting = selectingAutomations(covering, nearest);
    if (covering.length > 0 && selecting.length === 0) continue;
    const from = selecting.length > 0 ? selecting.map((a) => a.file) : [path];
    for (const setter of nearest(from)) keyOf.set(setter, key);
  }
  if (keyOf.size === 0) return [];
  return nearestSetters(updatingFrom(automations, path), [...keyOf.keys()]).map((setter) => ({ key: keyOf.get(setter)!, setter }));
}

/**
 * The files whose Flux objects the markers of a target's files see (`owner`; undefined for files in no
 * target): under targets, those of its own target and those in no target. Each target stands for a
 * cluster, whose Flux applies its own objects only; and a team that may write one target's paths must
 * not decide, by an ImagePolicy or an ImageUpdateAutomation put there, what another target's markers take.
 */
function seenBy(ownerOf: (path: string) => Target | undefined, owner: Target | undefined): (file: string) => boolean {
  return (file) => {
    const other = ownerOf(file);
    return other === undefined || other === owner;
  };
}

/** Where a file is seen from: the ImageUpdateAutomation objects that update it, or the file itself when none does. */
function updatingFrom(automations: readonly FluxAutomation[], path: string): string[] {
  const covering = automations.filter((a) => updatesFile(a, path));
  return covering.length > 0 ? covering.map((a) => a.file) : [path];
}

/**
 * What one definition sets for `image` (the `--setter` value when `given`): the image under the
 * name the definition spells (`nginx`, not `docker.io/library/nginx`), as Flux writes it.
 */
function candidate(key: string, def: Definition, image: ImageRef | undefined, given: boolean, allowDowngrade: boolean): Candidate {
  const flux = def.flux && { flux: def.flux };
  if (!image) return { ...flux };
  const { excluded, policy: ranking } = def;
  // Flux objects define both: an ImageRepository's exclusionList, an ImagePolicy's policy.
  const excludedAt = !given && image.tag !== undefined && ranking ? excluded?.(image.tag) : undefined;
  if (excludedAt && ranking) {
    // Still an update its markers refuse, as a policy's refusal is: the marked fields are said to follow their setter, not left unexplained.
    const policy = excludingPolicy(ranking, (tag) => excluded!(tag) !== undefined);
    return {
      ...flux,
      image,
      update: { image: { ...image, name: def.name }, policy, allowDowngrade },
      // Said at the pattern that excludes it, which is what to change: the ImagePolicy does not decide it.
      note: { message: refusedTag(key, image.tag!, "excluded by the ImageRepository's exclusionList"), at: excludedAt },
    };
  }
  const outside = def.policy && image.tag !== undefined && def.policy.latest([image.tag]) === undefined;
  return {
    ...flux,
    image,
    update: { image: { ...image, name: def.name }, ...(def.policy && { policy: def.policy }), allowDowngrade },
    ...(outside && {
      note: {
        message: refusedTag(key, image.tag!, `outside its policy (${def.policy!.description})`),
        kind: "policy-refusal",
      },
    }),
  };
}

/** The note at a key's ImagePolicy whose Flux objects refuse `tag` (`why`): one ending for every refusal, the marked fields saying nothing of their own. */
function refusedTag(key: string, tag: string, why: string): string {
  return `setter ${key}: tag ${tag} is ${why}; marked values are left as they are`;
}

/** `policy` choosing only among the tags the ImageRepository scans: Flux's exclusionList drops a tag before any policy sees it. */
function excludingPolicy(policy: Policy, excluded: (tag: string) => boolean): Policy {
  return {
    description: `${policy.description}, less the tags its ImageRepository's exclusionList excludes`,
    latest: (tags) => policy.latest(tags.filter((tag) => !excluded(tag))),
    ...(policy.compare && { compare: policy.compare }),
  };
}

/**
 * The definition of a key that governs its markers in the file at a path, or why none does.
 * Flux's view: with ImageUpdateAutomation objects in the tree, only those of the key's namespace
 * whose update path holds the file set its markers; of several definitions, the nearest to the
 * file (or to those automations) governs, as each cluster's Flux sees only its own objects.
 * Asked for each key of each file read: the answer is worked out per target (governingIn).
 */
function governingOf(
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  everyAutomation: readonly FluxAutomation[],
  configPath: string,
  ownerOf: (path: string) => Target | undefined,
): (key: string, path: string) => Candidate | string {
  const byOwner = new Map<Target | undefined, (key: string, path: string) => Candidate | string>();
  return (key, path) => {
    const all = candidates.get(key)!;
    if (all[0]!.flux === undefined) return all[0]!;
    const owner = ownerOf(path);
    let governing = byOwner.get(owner);
    if (!governing) byOwner.set(owner, (governing = governingIn(owner, candidates, everyAutomation, configPath, ownerOf)));
    return governing(key, path);
  };
}

/**
 * governingOf's answer for the files of one target (`owner`; undefined for those in no target), for keys Flux
 * objects define. What it reads of a file is its directory and the automations whose update path holds it, so
 * the automations are found by the directories above the file, each key's definitions the target sees are
 * indexed once (nearestOf), and the answer is kept per key and directory: a key each of hundreds of clusters
 * defines costs a file the depth of its path, not the clusters. An update path naming the file itself (not a
 * directory) makes the answer the file's own.
 */
function governingIn(
  owner: Target | undefined,
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  everyAutomation: readonly FluxAutomation[],
  configPath: string,
  ownerOf: (path: string) => Target | undefined,
): (key: string, path: string) => Candidate | string {
  const seen = seenBy(ownerOf, owner);
  const automations = everyAutomation.filter((a) => seen(a.file));
  // By namespace, then update path (treePath): each automation as its place in `automations`, whose order the answer keeps.
  const updating = new Map<string, Map<string, number[]>>();
  automations.forEach((a, i) => {
    if (a.treePath === undefined) return;
    const ofNamespace = updating.get(a.namespace) ?? new Map<string, number[]>();
    updating.set(a.namespace, ofNamespace);
    ofNamespace.set(a.treePath, [...(ofNamespace.get(a.treePath) ?? []), i]);
  });
  const updatePaths = automations.map((a) => `${a.id} ./${a.path}`).join(", ");
  const definitions = new Map<string, Seen | string>();
  const answers = new Map<string, Map<string, Candidate | string>>();
  return (key, path) => {
    const namespace = key.slice(0, key.indexOf(":"));
    const ofNamespace = updating.get(namespace);
    const own = ofNamespace?.get(path);
    const directory = path.slice(0, path.lastIndexOf("/") + 1);
    const known = own === undefined ? answers.get(key)?.get(directory) : undefined;
    if (known !== undefined) return known;
    let defined = definitions.get(key);
    if (defined === undefined) definitions.set(key, (defined = seenOf(key, candidates.get(key)!, seen, owner, configPath, ownerOf)));
    let answer: Candidate | string;
    if (typeof defined === "string") answer = defined;
    else {
      let from = [path];
      let leftOut: string | undefined;
      if (automations.length > 0) {
        // `treePath === ""`, an update path above the file, or the file itself (updatesFile).
        const above = ["", ...[...path.matchAll(/\//g)].map((slash) => path.slice(0, slash.index))];
        const covering = [...new Set([...above.flatMap((directory) => ofNamespace?.get(directory) ?? []), ...(own ?? [])])]
          .sort((a, b) => a - b)
          .map((i) => automations[i]!);
        const { nearest } = defined;
        const selecting = selectingAutomations(covering, nearest);
        if (covering.length > 0 && selecting.length === 0) leftOut = notSelected(covering, nearest(covering.map((a) => a.file)));
        from = selecting.map((a) => a.file);
      }
      answer =
        leftOut ??
        (from.length === 0
          ? `is set only in files under the spec.update.path of an ImageUpdateAutomation of namespace ${namespace}, and this file is under none (${updatePaths}); the marked value is left as it is`
          : nearestCandidate(key, defined, from, automations.length > 0, configPath));
    }
    if (own === undefined) {
      const ofKey = answers.get(key) ?? new Map<string, Candidate | string>();
      answers.set(key, ofKey);
      ofKey.set(directory, answer);
    }
    return answer;
  };
}

/**
 * Why a marker is left whose file the automations `covering` update, none of whose spec.policySelector selects
 * the ImagePolicy (`policies`, the nearest to them) its key names: Flux's controller leaves it too.
 */
function notSelected(covering: readonly FluxAutomation[], policies: readonly FluxSetter[]): string {
  const selectors = covering.map(({ id, file, policySelector }) => {
    const { selector, text, line } = policySelector!;
    return `${id} (${file}:${line}) ${selector === undefined ? "has one Kubernetes refuses (see the warning there)" : `selects ${text}`}`;
  });
  const labelled = policies.map(({ file, line, labels, labelledBy }) => {
    const written = Object.entries(labels ?? {}).map(([key, value]) => `${key}=${value}`);
    // A label a kustomization adds is written there, over the ImagePolicy's own: that is what to change for another.
    const byFile = new Map<string, string[]>();
    for (const [key, by] of Object.entries(labelledBy ?? {})) byFile.set(by, [...(byFile.get(by) ?? []), key]);
    const added = [...byFile].map(([by, keys]) => `${andList(keys)} added by ${by}`);
    return `${file}:${line} (${written.length === 0 ? "no labels" : `labels ${written.join(",")}`}${added.length > 0 ? `; ${andList(added)}` : ""})`;
  });
  const which = covering.length === 1 ? "the ImageUpdateAutomation that updates this file" : "the ImageUpdateAutomation objects that update this file";
  const relabel = policies.some((p) => p.labelledBy) ? "label the ImagePolicy, or change the labels its kustomization adds," : "label the ImagePolicy";
  const fix = covering.some((a) => a.policySelector!.selector !== undefined)
    ? `${relabel} so that a selector picks it, or widen the selector`
    : "fix the selector";
  return `is left out by the spec.policySelector of ${which}: ${andList(selectors)}, and its ImagePolicy is at ${andList(labelled)}; the marked value is left as it is, as Flux leaves it (${fix})`;
}

/** The definitions of a key a target sees, indexed for the nearest (nearestOf). */
interface Seen {
  readonly candidates: readonly Candidate[];
  readonly nearest: (from: readonly string[]) => FluxSetter[];
}

/** The definitions of `key` among `all` that `seen` lets a target's markers see, or why they see none. */
function seenOf(
  key: string,
  all: readonly Candidate[],
  seen: (file: string) => boolean,
  owner: Target | undefined,
  configPath: string,
  ownerOf: (path: string) => Target | undefined,
): Seen | string {
  const candidates = all.filter((c) => seen(c.flux!.file));
  if (candidates.length > 0) return { candidates, nearest: nearestOf(candidates.map((c) => c.flux!)) };
  const elsewhere = all.map((c) => c.flux!);
  const targets = [...new Set(elsewhere.map((s) => ownerOf(s.file)!.name))].join(", ");
  // A file in no target sees only the Flux objects in no target either.
  const here = owner?.name;
  const markers = here === undefined ? "markers in no target's paths" : `the markers of target ${here}`;
  const define = here === undefined ? "in no target's paths" : `in target ${here}'s paths or in no target's`;
  return `is defined only at ${where(elsewhere)}, in the paths of target ${targets}, whose Flux objects do not govern ${markers}; the marked value is left as it is (define it ${define}, or give ${key} an entry under setters: in ${configPath})`;
}

/** The definition nearest to `from` (the file, or the automations updating it when `byAutomations`), or the tie. */
function nearestCandidate(
  key: string,
  { candidates, nearest: nearestTo }: Seen,
  from: readonly string[],
  byAutomations: boolean,
  configPath: string,
): Candidate | string {
  const nearest = nearestTo(from);
  if (nearest.length === 1) return candidates.find((c) => c.flux === nearest[0])!;
  const near = byAutomations ? "the ImageUpdateAutomation objects that update this file" : "this file";
  return `is defined differently at ${where(nearest)}, equally near ${near}; the marked value is left as it is (give ${key} an entry under setters: in ${configPath}, which overrides Flux objects)`;
}

/**
 * The warnings of the definitions some marker in scope uses (a tag outside the policy, an
 * excluded tag), once each, at the ImagePolicy (an excluded tag at the exclusionList pattern
 * that excludes it) or else at the first such marker: a key no
 * marker in scope uses concerns no file of this run, nor does one written where it marks
 * nothing (above `key: value`). A marker in a file whose target keeps the image out
 * (`keptOut`) does not count: the target's own warning says the file is not edited, which is
 * all this one would say there. `markers`, markersInScope's.
 */
function notesWhereUsed(
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  governing: (key: string, path: string) => Candidate | string,
  markers: ReadonlyMap<string, readonly Place[]>,
  keptOut: (path: string, image: ImageRef) => boolean,
): Warning[] {
  const noted = new Map<Candidate, Warning>();
  for (const [key, defined] of candidates) {
    if (!defined.some((c) => c.note)) continue;
    for (const { file, line } of markers.get(key) ?? []) {
      const chosen = governing(key, file);
      if (typeof chosen === "string" || !chosen.note || noted.has(chosen) || (chosen.image && keptOut(file, chosen.image))) continue;
      const { at, ...note } = chosen.note;
      const site = at ?? chosen.flux ?? { file, line };
      noted.set(chosen, { file: site.file, line: site.line, ...note });
    }
  }
  return [...noted.values()];
}

/** Where a marker is: a file in scope and a 1-based line, and what its line holds before it. */
interface Place {
  readonly file: string;
  readonly line: number;
  readonly before: string;
}

/** The marker keys in scope, each with its markers in path order, where the editors read them (fileMarkers). */
function markersInScope(texts: ReadonlyMap<string, string>, inScope: (path: string) => boolean): ReadonlyMap<string, readonly Place[]> {
  const places = new Map<string, Place[]>();
  for (const [file, text] of texts) {
    if (!inScope(file)) continue;
    for (const { marker, line, before } of fileMarkers(file, text)) {
      const at = places.get(marker.key) ?? [];
      if (at.length === 0) places.set(marker.key, at);
      at.push({ file, line, before });
    }
  }
  return places;
}

/** Places named after the first one, before "and N more". */
const PLACES_NAMED = 3;

/** The ImagePolicies of the tree named as `key` names one, in other namespaces, by key in order: `podinfo:podinfo` for `flux-system:podinfo`. */
function namedElsewhere(key: string, setters: ReadonlyMap<string, readonly FluxSetter[]>): [string, readonly FluxSetter[]][] {
  const name = key.slice(key.indexOf(":") + 1);
  return [...setters].filter(([other]) => other.slice(other.indexOf(":") + 1) === name).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * One warning for a key nothing defines, at its first marker, naming a few more, with the ways
 * to define it; set aside unless it says `why` an incoming image is not written (a marked value holds it).
 * Where the tree has an ImagePolicy of its name in another namespace (`elsewhere`, most often put there by
 * a kustomization's `namespace:` the marker did not count on), it says which, and where that namespace comes from;
 * where none does but one above the root does (`definedAbove`, looked for only now), the run that reads it.
 */
function unconfiguredWarning(
  key: string,
  places: readonly Place[],
  configPath: string,
  why: boolean,
  { fieldName: name, definedAbove }: Pick<SetterRun, "fieldName" | "definedAbove">,
  elsewhere: readonly (readonly [string, readonly FluxSetter[]])[],
): Warning {
  const [first, ...others] = places as [Place, ...Place[]];
  const named = cappedList(
    others.map((p) => `${p.file}:${p.line}`),
    PLACES_NAMED,
  );
  const also = others.length > 0 ? ` (also marked at ${named})` : "";
  const left = others.length > 0 ? "its marked values are left as they are" : "its marked value is left as it is";
  const given = givenValue(name, "setter", `${key}=REF`);
  const above = elsewhere.length === 0 ? definedAbove?.(key) : undefined;
  const ways =
    elsewhere.length > 0
      ? `${namespacedAs(key, elsewhere)}, add ${key} under setters: in ${configPath}, or pass ${given}`
      : above !== undefined
        ? `${above}; or add it under setters: in ${configPath}, or pass ${given}`
        : `add it under setters: in ${configPath}, pass ${given}, or keep its ImagePolicy (and ImageRepository) in the tree`;
  return {
    ...(!why && { aside: true as const }),
    file: first.file,
    line: first.line,
    message: `no image is configured for Flux setter "${key}"${also}, so ${left}: ${ways}`,
  };
}

/** `the tree's ImagePolicy podinfo is in namespace podinfo (p.yaml:9, put there by apps/kustomization.yaml), not flux-system, so its marker key is "podinfo:podinfo": write that in the marker`. */
function namespacedAs(key: string, elsewhere: readonly (readonly [string, readonly FluxSetter[]])[]): string {
  const [namespace, name] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  const namespaces = elsewhere.map(([other, policies]) => {
    const by = [...new Set(policies.flatMap((p) => (p.namespacedBy ? [p.namespacedBy] : [])))];
    return `${other.slice(0, other.indexOf(":"))} (${where(policies)}${by.length > 0 ? `, put there by ${andList(by)}` : ""})`;
  });
  const keys = elsewhere.map(([other]) => JSON.stringify(other));
  const plural = elsewhere.length > 1;
  const keyed = plural ? `its marker keys are ${andList(keys)}: write one of them` : `its marker key is ${keys[0]}: write that`;
  return `the tree's ImagePolicy ${name} is in namespace${plural ? "s" : ""} ${andList(namespaces)}, not ${namespace}, so ${keyed} in the marker`;
}
