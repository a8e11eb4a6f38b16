/**
 * Where the incoming images reached the tree, for a person to learn why a run moved less than
 * they expected: a repository no file holds (a typo), one that sits only where no rule edits,
 * and a field moved beside markers of its image that stay.
 */
import { SourceError, type Change, type Warning } from "../change.js";
import { markerPattern } from "../image/marker.js";
import { formatImageRef, repositoryPattern, screenToken, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { nextVersion, versionOf, type ImageUpdate, type Version } from "../image/update.js";
import { andList, cappedList } from "../text/and-list.js";
import { LineIndex, lineAt } from "../text/line-index.js";
import { closest } from "../text/closest.js";
import type { FluxPolicy } from "./setters.js";
import type { RequestedOverride } from "./overrides.js";
import type { ValidRequest } from "./request.js";
import { fileKind, readsMarkers } from "./file-kind.js";
import { proseAt } from "./prose.js";
import { withoutImageUpdater } from "./image-updater.js";
import { mayBuildOnRegistry } from "../kcl/editor.js";
import { editArgoCdHelm } from "../yaml/argocd.js";
import { runEditors } from "../yaml/editor.js";
import { editHelmValues } from "../yaml/helm.js";
import { editKustomizeImages } from "../yaml/kustomize.js";
import { tryYamlFile } from "../yaml/file.js";
import { isFlowScalar, mapValue, nodeAt, type ScalarNode, type YamlNode } from "../yaml/node.js";
import { formatPath, type PathSegment } from "../yaml/path.js";
import { forEachValue } from "../yaml/walk.js";
import { T, tokenize } from "../kcl/tokenizer.js";

/**
 * A run that changes nothing because nothing names what it brings is most often a typo in a
 * repository or a marker key: say so, instead of a bare "nothing to change". An image counts
 * as reached when a file in scope holds its repository, a marker key or a configured override
 * stands for it; a `--setter` key, when a file in scope holds a marker with it where markers are read.
 * The repository or key of those `known` (configured, or defined in the tree) it most likely meant is named.
 * `texts` are the files in scope, by path; `unreached`, unreachedImages' of them. Where the paths to update
 * left out the files that hold one (`outside` counts them: a mistyped --path, most often), that is said instead.
 */
export function warnUnreached(
  valid: ValidRequest,
  unreached: readonly ImageRef[],
  known: { readonly keys: ReadonlySet<string>; readonly repositories: ReadonlySet<string> },
  texts: readonly (readonly [string, string])[],
  outside: (image: ImageRef) => number,
  warnings: Warning[],
): void {
  const marks = (pattern: RegExp) => texts.some(([path, text]) => readsMarkers(path) && pattern.test(text));
  for (const image of unreached) {
    const held = outside(image);
    warnings.push({
      message:
        held > 0
          ? `no file inside the paths to update holds ${image.repository} (${held} ${held === 1 ? "file outside them does" : "files outside them do"}); nothing to do for ${formatImageRef(image)}`
          : `no file to update holds ${image.repository}; nothing to do for ${formatImageRef(image)}${meaning(image.repository, known.repositories)}`,
      kind: "unreached",
    });
  }
  for (const key of valid.setters.keys()) {
    if (marks(markerPattern(key))) continue;
    warnings.push({ message: `no file to update has a marker for setter ${key}${meaning(key, known.keys)}` });
  }
}

/** The incoming images no file of `texts` holds (holdsImage), no marker key and no configured override of `overrides` stands for. */
export function unreachedImages(
  valid: ValidRequest,
  updates: readonly ImageUpdate[],
  overrides: ReadonlyMap<string, readonly RequestedOverride[]>,
  texts: readonly (readonly [string, string])[],
): ImageRef[] {
  const overridden = new Set([...overrides.values()].flat().flatMap((o) => (typeof o === "string" ? [] : [o.repository])));
  return valid.images.filter(
    (image) =>
      !updates.some((u) => u.image.repository === image.repository) &&
      !overridden.has(image.repository) &&
      !texts.some(([path, text]) => holdsImage(path, text, image)),
  );
}

/**
 * Whether a file holds the image where a field may be edited: a repository only argocd-image-updater's annotations or objects
 * name is in none. A KCL reference built on a registry constant holds it unspelt; editKcl names it.
 */
export function holdsImage(path: string, text: string, image: ImageRef): boolean {
  // The screen first, then the reading: another registry's repository of the same path, or a mapping key named like the image, is none.
  const pattern = repositoryPattern(image);
  return (pattern.test(text) && spelledAt(withoutImageUpdater(text), image) !== undefined) || (fileKind(path) === "kcl" && mayBuildOnRegistry(text, image));
}

/** ` (did you mean …?)` naming the one of `names` `typed` most likely meant, or nothing. */
function meaning(typed: string, names: ReadonlySet<string>): string {
  const meant = closest(typed, names);
  return meant === undefined ? "" : ` (did you mean ${meant}?)`;
}

/**
 * A field matched by repository moves while the marked fields of the same image in its file may
 * not: without a target it takes the incoming version as given (DESIGN §3), while they follow
 * their ImagePolicy; and a marker no ImageUpdateAutomation's update path holds is left as it is,
 * target or not. A field moved where its markers stay (a release candidate, a late older build,
 * a file Flux does not update) is said at its line, so one pod does not split across versions
 * unseen. Only whole references are judged (a tag field alone does not say its image); a policy
 * only beside one marker key of the image. `policySetters` are the file's markers whose policy
 * the field escaped (none in a target, whose policy the field obeys too); `left`, FileSetters'.
 */
export function warnBesideMarkers(
  changes: readonly Change[],
  policySetters: ReadonlyMap<string, ImageUpdate>,
  left: ReadonlyMap<string, readonly ImageRef[]>,
  text: string,
  warnings: Warning[],
): void {
  // No marker in the file to split from (most files): nothing to parse the new references for.
  if (policySetters.size === 0 && left.size === 0) return;
  for (const change of changes) {
    if (change.kind !== "image" && change.kind !== "kcl-image") continue;
    const written = tryParseImageRef(change.new);
    if (!written) continue;
    const split = besidePolicy(change, written, policySetters, text) ?? besideLeft(written, left, text);
    if (split) warnings.push({ file: change.file, line: change.line, message: `${change.key} is set to ${change.new} by repository, ${split}` });
  }
}

/**
 * A field matched by repository takes the incoming version as given when no target policy
 * applies (DESIGN §2.2, §3), while Flux's ImagePolicies of its repository, which govern only
 * marked fields, may refuse it: a release candidate or a late, older build reaches the one
 * unmarked Job of production. Said at the field when the ImagePolicies that would govern it
 * (`policiesAt`, the nearest, as for a marker) include one that would refuse its new version.
 * `updates` are the file's incoming images; a field of an image with a policy here (a target's),
 * or whose markers are in this file (`marked`, which warnBesideMarkers speaks for), is not judged.
 */
export function warnUnpolicied(
  changes: readonly Change[],
  updates: readonly ImageUpdate[],
  policiesAt: (repository: string) => readonly FluxPolicy[],
  marked: (image: ImageRef) => boolean,
  warnings: Warning[],
): void {
  for (const change of changes) {
    const moved = movedBy(change, updates);
    // A digest alone no policy judges by its tag (nextVersion refuses it under any): nothing to compare.
    const tag = moved?.update.image.tag;
    if (!moved || moved.update.policy || tag === undefined || marked(moved.update.image)) continue;
    const { image } = moved.update;
    const refusing = policiesAt(image.repository).filter(({ setter }) => nextVersion({ image, policy: setter.policy }, moved.current) === undefined);
    if (refusing.length === 0) continue;
    // A policy accepting the version refuses it only beside a version it ranks above: it would keep that one (a late, older build).
    const would = new Map<string, string[]>();
    for (const { key, setter } of refusing) {
      const verb = setter.policy.latest([tag]) === undefined ? "refuse it" : `keep ${moved.current.tag}`;
      would.set(verb, [...(would.get(verb) ?? []), `${key} (${setter.policy.description})`]);
    }
    const which = andList(
      [...would].map(([verb, policies]) => `${policies.length === 1 ? "ImagePolicy" : "ImagePolicies"} ${andList(policies)} would ${verb}`),
    );
    const add = refusing.length === 1 ? "add its marker" : "add the marker of one";
    warnings.push({
      file: change.file,
      line: change.line,
      message: `${image.repository} moves to ${tag} with no policy (no marker here); ${which}: ${add}, or a target with a policy`,
    });
  }
}

/** The incoming image a field matched by repository moved to, and the version it held: a whole reference, or a kustomize or Helm tag field. */
function movedBy(change: Change, updates: readonly ImageUpdate[]): { update: ImageUpdate; current: Version } | undefined {
  if (change.kind === "image" || change.kind === "kcl-image") {
    const written = tryParseImageRef(change.new);
    const update = written && updates.find((u) => u.image.repository === written.repository);
    if (!update) return undefined;
    const old = tryParseImageRef(change.old);
    return { update, current: old?.repository === written!.repository ? versionOf(old.tag, old.digest) : {} };
  }
  if (change.kind !== "helm" && change.kind !== "kustomize") return undefined;
  const byTag = updates.filter((u) => u.image.tag === change.new);
  return byTag.length === 1 ? { update: byTag[0]!, current: versionOf(change.old, undefined) } : undefined;
}

/** Why the field's version is one the policy of the one marker key of its image in this file (another file's, another cluster's, says nothing here) would not have chosen. */
function besidePolicy(change: Change, written: ImageRef, setters: ReadonlyMap<string, ImageUpdate>, text: string): string | undefined {
  const beside = [...setters].filter(([k, u]) => u.policy && u.image.repository === written.repository && markerPattern(k).test(text));
  if (beside.length !== 1) return undefined;
  const [key, { policy }] = beside[0]!;
  if (!policy) return undefined;
  const old = tryParseImageRef(change.old);
  const current = old?.repository === written.repository ? versionOf(old.tag, old.digest) : {};
  if (nextVersion({ image: written, policy }, current) !== undefined) return undefined;
  return `which the policy of Flux setter "${key}" (${policy.description}) would not have chosen for its marked fields; mark this field with it to keep them together`;
}

/** The marker keys of the field's image in this file that are left as they are, said. */
function besideLeft(written: ImageRef, left: ReadonlyMap<string, readonly ImageRef[]>, text: string): string | undefined {
  const keys = [...left]
    .filter(([key, images]) => images.some((i) => i.repository === written.repository) && markerPattern(key).test(text))
    .map(([key]) => key);
  if (keys.length === 0) return undefined;
  const which = keys.length === 1 ? `Flux setter "${keys[0]}"` : `Flux setters ${keys.map((key) => `"${key}"`).join(", ")}`;
  return `while the marked fields of ${which} in this file are left as they are (see the warning at them); mark this field with it to keep them together`;
}

/** Why a file may keep an image's old version, as the plan knows it. */
interface UnmovedContext {
  /**
   * A warning or an override already says why the file keeps the image's old version (a policy, a
   * target, a placeholder...): at `line`, a line holding a reference to another version, or
   * anywhere in the file when it holds none (undefined: a pair of fields, a mention).
   */
  readonly explained: (path: string, image: ImageRef, line: number | undefined) => boolean;
  /** The run changes nothing and says nothing else: a mention of the repository with no version counts then too. */
  readonly quiet: boolean;
}

/** Where a file is left at an old version of an image: a reference to another version as written, or where the file spells the repository (a pair of fields, a mention). */
export interface LeftPlace {
  readonly at: number;
  /** The 1-based line of `at`. */
  readonly line: number;
  readonly reference?: string;
}

/** An incoming image and the files left at an old version of it, each with its places. */
export interface LeftBehind {
  readonly image: ImageRef;
  readonly files: readonly { readonly path: string; readonly places: readonly LeftPlace[] }[];
}

/**
 * A field the run left at an old version, unseen, would run the old build while the run reads
 * as done: an image reached through a YAML alias whose anchor is not an image field, one in a
 * string, a substitution, a file kind not read, a file in no target. Each file of `texts` (as the plan leaves them;
 * argocd-image-updater's annotations and objects left out)
 * that holds the repository joined to another version (outside comments; also beside a field that took the new one:
 * a Helm parameter holding the whole reference beside a pair that moved), or as a pair of fields the editors read with
 * neither the new tag nor digest, and that no other warning explains, is left behind, also when other files change,
 * at each reference no warning explains. A run that changes nothing
 * and says nothing else counts a bare mention of the repository too, unless some file holds the
 * new version (the fields may well hold it), rather than let "nothing to change" read as "every
 * field holds it". Images left nowhere are not listed.
 */
export function leftBehind(images: readonly ImageRef[], texts: ReadonlyMap<string, string>, context: UnmovedContext): LeftBehind[] {
  return images.flatMap((image) => {
    const version = image.tag ?? image.digest!;
    // argocd-image-updater's annotations and objects name the repository with a constraint, not a version anything deploys.
    const holding = [...texts].flatMap(([path, raw]) => {
      const text = withoutImageUpdater(raw);
      const at = spelledAt(text, image);
      return at === undefined ? [] : [{ path, text, at }];
    });
    const current = holding.some(({ text }) => text.includes(version));
    const files = holding.flatMap(({ path, text, at }) => {
      const others = otherVersionsIn(text, image, fileKind(path) === "kcl");
      // One index per file: a file may hold thousands of references.
      const lines = others.length > 0 ? new LineIndex(text) : undefined;
      const places: LeftPlace[] = lines
        ? others.map((other) => ({ ...other, line: lines.lineAt(other.at) })).filter(({ line }) => !context.explained(path, image, line))
        : !text.includes(version) && !context.explained(path, image, undefined) && ((context.quiet && !current) || inSplitImage(path, text, image))
          ? [{ at, line: lineAt(text, at) }]
          : [];
      return places.length > 0 ? [{ path, places }] : [];
    });
    return files.length > 0 ? [{ image, files }] : [];
  });
}

/** How many places left behind are each said at their own line; more are named in one warning. */
const SAID_APART = 5;

/**
 * Names the places left behind (leftBehind's, `texts` as it read them), each at its file and line
 * as --json gives them, one warning per image and reason when there are more than SAID_APART;
 * a file in no configured target gets that reason, not the editing rules.
 */
export function warnUnmoved(
  left: readonly LeftBehind[],
  texts: ReadonlyMap<string, string>,
  context: {
    /** The configured targets' names (none without a configuration), and whether a file is in none of them, where nothing is edited. */
    readonly targets: readonly string[];
    readonly inNoTarget: (path: string) => boolean;
  },
  warnings: Warning[],
): void {
  for (const { image, files } of left) {
    const version = image.tag ?? image.digest!;
    const outside = context.targets.length > 0 ? files.filter(({ path }) => context.inNoTarget(path)) : [];
    const unreached = files.filter((file) => !outside.includes(file));
    type Place = { readonly file: string; readonly line: number; readonly place: LeftPlace };
    const said = (of: typeof files, why: { readonly one: (file: string, place: LeftPlace) => string; readonly many: (first: Place) => string }) => {
      const places: Place[] = of.flatMap(({ path, places }) => places.map((place) => ({ file: path, line: place.line, place })));
      if (places.length > SAID_APART) {
        warnings.push({
          message: `${image.repository} is not moved to ${version} in ${places.length} places (${cappedList(places.map(({ file, line }) => `${file}:${line}`))}): ${why.many(places[0]!)}`,
        });
        return;
      }
      for (const { file, line, place } of places) {
        const what = place.reference
          ? `${place.reference} is not moved to ${version}`
          : `${image.repository} appears here, but no field holds ${version} or was edited`;
        warnings.push({ file, line, message: `${what}: ${why.one(file, place)}` });
      }
    };
    const readme = '(see "What it edits" in the README)';
    if (unreached.length > 0) {
      said(unreached, {
        one: (file, place) => fixFor(file, texts.get(file)!, place, image) ?? `it sits where no rule edits it ${readme}`,
        // The first place's fix, as an example: the places are often one manifest's field in each environment.
        many: ({ file, line, place }) => {
          const fix = fixFor(file, texts.get(file)!, place, image);
          return fix ? `they sit where no rule edits them; for the first (${file}:${line}), ${fix}` : `they sit where no rule edits them ${readme}`;
        },
      });
    }
    const targets = `(targets: ${context.targets.join(", ")})`;
    if (outside.length > 0) said(outside, { one: () => `this file is in no target ${targets}`, many: () => `their files are in no target ${targets}` });
  }
}

/**
 * What to do about a place no rule edits, where its file tells: a YAML scalar that is the whole reference takes a
 * configured override of its path, a repository field beside a `tag` one of that tag (the wording of
 * overrideAdvice, with the file); a reference inside a longer string (args, an env text, a KCL string) is no value
 * of its own, and a string is set whole or not at all. None where the place is none of these, or sits in a later
 * document at a path an earlier one holds too, which an override or --set would set instead.
 */
function fixFor(path: string, text: string, place: LeftPlace, image: ImageRef): string | undefined {
  const kind = fileKind(path);
  if (kind === "kcl")
    return place.reference !== undefined && inKclString(text, place.at, place.reference)
      ? `it is inside a longer string, ${NO_PART}: move it into a string of its own`
      : undefined;
  if (kind !== "yaml") return undefined;
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const found = scalarAt(text.slice(bom), place.at - bom);
  if (!found) return undefined;
  const { node, path: at, root } = found;
  const spec = formatPath(at);
  const override = (field: string, tag: boolean) =>
    `set ${tag ? field : "it"} with an overrides: entry in the configuration (file: ${path}, spec: ${field}, image: ${image.repository}${tag ? ", part: tag" : ""})`;
  if (place.reference === undefined) {
    // The repository alone, beside the tag of a pair no rule read as this image (its registry elsewhere: a global.imageRegistry).
    const holder = nodeAt(root, at.slice(0, -1));
    const versioned = tryParseImageRef(node.text.trim());
    if (holder?.kind !== "map" || !isFlowScalar(mapValue(holder, "tag")) || versioned?.tag !== undefined || versioned?.digest !== undefined) return undefined;
    const tag = formatPath([...at.slice(0, -1), "tag"]);
    return `no rule reads ${spec} as ${image.repository}; ${override(tag, true)}`;
  }
  if (isFlowScalar(node) && node.text.trim() === place.reference) return `no rule edits ${spec}; ${override(spec, false)}`;
  const whole = isFlowScalar(node) ? `, or set the whole string with --set ${path}:${spec}=…` : "";
  return `it is inside the longer string at ${spec}, ${NO_PART}: move it into a field of its own${whole}`;
}

const NO_PART = "and gitops-promote edits no part of a string";

/**
 * The scalar value of a YAML text that holds an offset, with its path and its document's root; none in a text that
 * does not parse, outside every scalar value, or in a document after one that has the same path (where a path sets the first).
 */
function scalarAt(text: string, at: number): { node: ScalarNode; path: readonly PathSegment[]; root: YamlNode | null } | undefined {
  const file = tryYamlFile(text);
  if (!file) return undefined;
  for (const [d, { root }] of file.documents.entries()) {
    let found: { node: ScalarNode; path: readonly PathSegment[] } | undefined;
    forEachValue(root, ({ node, path }) => {
      if (node.kind === "scalar" && node.start <= at && at < node.end) found = { node, path };
    });
    if (!found) continue;
    const { path } = found;
    return file.documents.slice(0, d).some((earlier) => nodeAt(earlier.root, path) !== undefined) ? undefined : { ...found, root };
  }
  return undefined;
}

/** Whether a KCL reference at `at` is part of a longer string literal, not the whole of one. */
function inKclString(text: string, at: number, reference: string): boolean {
  let tokens;
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof SourceError) return false;
    throw error;
  }
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.kind[t] !== T.String || tokens.start[t]! > at || at >= tokens.end[t]!) continue;
    // What the literal holds besides the reference: only its quotes (and a prefix such as r) when it is the whole.
    return !/^[A-Za-z]?(["'])\1$/.test(text.slice(tokens.start[t], tokens.end[t]).replace(reference, ""));
  }
  return false;
}

/** The editors that read an image held as two fields, its repository in one and its version in another. */
const SPLIT_IMAGE_EDITORS = [editKustomizeImages, editArgoCdHelm, editHelmValues];

/**
 * Whether a YAML file holds `image`'s repository with another version as a pair the editors read
 * (Helm values `repository` + `tag`, a kustomize `name` + `newTag`, Argo CD Helm parameters): they
 * would move it, were the file edited. Read by those editors themselves, on the few files the text alone cannot judge.
 */
function inSplitImage(path: string, text: string, image: ImageRef): boolean {
  if (fileKind(path) !== "yaml") return false;
  try {
    return runEditors(text.replace(/^\uFEFF/, ""), { images: [{ image }], setters: new Map() }, SPLIT_IMAGE_EDITORS).changes.length > 0;
  } catch (error) {
    if (error instanceof SourceError) return false;
    throw error;
  }
}

/**
 * Where the text spells a reference to another version of the image (its repository, in any
 * registry spelling of it, with a tag or a digest: not a mention such as an ImageRepository's
 * `image:`, nor another registry's repository of the same path), as written. Not in prose: a comment
 * (`# was ghcr.io/acme/app:1.4.0`), or a KCL triple-quoted string, which no rule edits (a docstring).
 */
function otherVersionsIn(text: string, image: ImageRef, kcl: boolean): { at: number; reference: string }[] {
  const inProse = proseAt(text, kcl);
  return spellingsOf(text, image).filter(
    ({ at, ref }) =>
      ref?.repository === image.repository &&
      (ref.tag !== undefined || ref.digest !== undefined) &&
      !holdsVersionOf(ref, image) &&
      !inProse(at) &&
      // A marked field follows its setter: what is said of the setter (one with no image, too) says why it stays.
      !/^[^\r\n]*\$imagepolicy/.test(text.slice(at)),
  );
}

/**
 * Where the text first spells the image's repository: a reference to it in any registry spelling, or its
 * path alone (a Helm `repository:` beside its `registry:`), never another registry's repository of the same
 * path (`mirror.acme.io/acme/app` for ghcr.io/acme/app) nor a longer one ending in it (`bitnami/nginx` for nginx).
 */
export function spelledAt(text: string, image: ImageRef): number | undefined {
  return spellingsOf(text, image).find(({ bare, ref }) => bare || ref === undefined || ref.repository === image.repository)?.at;
}

/** A spelling of an image's path in a text: the whole reference written there, where it starts, what it reads as, and whether it is the path alone. */
interface Spelling {
  readonly at: number;
  readonly reference: string;
  readonly ref: ImageRef | undefined;
  readonly bare: boolean;
}

/** Each spelling of the image's path (screenToken's) as a whole word, with its version if one follows, and its registry if one is written before it. */
function spellingsOf(text: string, image: ImageRef): Spelling[] {
  const found: Spelling[] = [];
  // A name followed by `:` and a space or a line's end is a mapping's key (`redis:` above a chart's values), no reference.
  for (const match of text.matchAll(new RegExp(`(?<![\\w.-])${escapeRegExp(screenToken(image))}(?:[:@][\\w.@:+-]+|(?![\\w./-]|["']?:(?:\\s|$)))`, "gm"))) {
    // The whole reference: back to what delimits it (a space, a quote, `=`…), to its registry.
    const before = /[^\s"'`=,;()[\]{}]*$/.exec(text.slice(Math.max(0, match.index - 256), match.index))![0];
    const reference = `${before}${match[0]}`.replace(/[.:]+$/, "");
    found.push({ at: match.index - before.length, reference, ref: tryParseImageRef(reference), bare: before === "" });
  }
  return found;
}

/** Whether a reference holds the incoming image's version: its tag and digest where both spell one, the one the image brings where the reference spells only the other. */
function holdsVersionOf(ref: ImageRef, image: ImageRef): boolean {
  if (ref.tag !== undefined && image.tag !== undefined && ref.tag !== image.tag) return false;
  if (ref.digest !== undefined && image.digest !== undefined && ref.digest !== image.digest) return false;
  return (image.tag !== undefined && ref.tag !== undefined) || (image.digest !== undefined && ref.digest !== undefined);
}
