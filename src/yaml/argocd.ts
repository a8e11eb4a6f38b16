/**
 * Argo CD's overrides of a source: those of an Application's source (or of each of its
 * `sources`, or of an ApplicationSet's template, also as values of the argocd-apps chart),
 * and of the parameter override file Argo CD merges into a source
 * (`.argocd-source-<app>.yaml`, which Argo CD Image Updater writes).
 * - `kustomize.images`: strings in `kustomize edit set image` form, `[name=]image`: an entry
 *   whose image is of an incoming repository gets the new tag and digest, its name and the
 *   image's name kept as written; so does `name=*:tag` (`*@digest`), which keeps the name and
 *   sets only the version, when `name` is an incoming repository.
 * - `helm.parameters`: `{name, value}` items, which Argo CD ranks above every other values
 *   (parameters > valuesObject > values > valueFiles), so a stale one would win over any
 *   edited values. Parameters sharing a name prefix are one Helm values mapping
 *   (`image.repository` or `image.name`, `image.tag`), decided as helm.ts decides values, with
 *   fields the parameters leave out read from the source's `valuesObject` as Helm merges them;
 *   a `<prefix>.image` parameter holds a whole reference.
 *   A parameter holding a bare incoming repository under a name no such rule pairs with a tag
 *   (`worker.image.repo`, as Image Updater's `helm.image-name` may give it) is named, with the
 *   parameter beside it that likely holds the tag (argocd-unpaired.ts).
 * - `helm.values` is a string, which no editor edits inside: an image there that would be
 *   edited is named in a warning instead; so is one in an ApplicationSet's `templatePatch`, or a
 *   tag it sets over a template of an incoming repository (argocd-strings.ts).
 * A value an ApplicationSet's generators fill in (`{{tag}}`, `{{.tag}}`) is theirs: it is named
 * in a warning, never edited (placeholder.ts).
 */
import { formatImageRef, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { IMAGE_KEY, splitImage } from "../image/split-image.js";
import { byRepository, nextReference, nextVersion, versionOf, type ImageUpdate, type Version } from "../image/update.js";
import type { YamlDocument, YamlFile } from "./file.js";
import { setHelmImage, type HelmField, type HelmImage } from "./helm.js";
import { setImageScalar } from "./images.js";
import { isFlowScalar, nodeAt, type FlowScalar, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { hasPlaceholder, literalIndexOf, warnSubstituted } from "./placeholder.js";
import type { EditPlan, Editor } from "./plan.js";
import { warnRenamed } from "./renamed.js";
import { ARGO, inGroup } from "./api-groups.js";
import { helmKeys, leafOf, parametersAt, sourcesOf, valuesObjectAt } from "./argocd-parameters.js";
import { warnTemplatePatch, warnValuesString } from "./argocd-strings.js";
import { warnUnpairedRepositories } from "./argocd-unpaired.js";

export const editArgoCdImages: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const source of sourcesOf(document)) {
      const path = [...source, "kustomize", "images"];
      const list = nodeAt(document.root, path);
      if (list?.kind !== "seq") continue;
      // In a parameter override file the list is strings only; a values file's `kustomize: {images: ...}` is not one.
      if (source.length === 0 && !list.items.every((item) => item?.kind === "scalar")) continue;
      list.items.forEach((entry, index) => {
        if (!isFlowScalar(entry) || plan.isClaimed(entry)) return;
        const eq = literalIndexOf(entry.text, "=");
        // A placeholder in the `name=` part only picks what the entry applies to: a literal version after it is the entry's own.
        if (hasPlaceholder(entry.text.slice(eq + 1))) return warnSubstituted(entry, [...path, index], incoming, plan);
        if (entry.text.startsWith("*", eq + 1)) return setKeptName(entry, [...path, index], list.flow, incoming, plan, document);
        const ref = tryParseImageRef(entry.text.slice(eq + 1));
        const update = ref && incoming.get(ref.repository);
        if (!ref || !update) {
          // As in a kustomization: a mirror pinned to a version of its own, which the whole string holds.
          if (ref && eq > 0)
            warnRenamed(plan, incoming, request.fieldName, { start: entry.start, entry: [...path, index], field: [...path, index] }, entry.text.slice(0, eq), {
              name: ref.name,
              tag: ref.tag,
              pinned: ref.tag !== undefined || ref.digest !== undefined,
            });
          return;
        }
        // `name=image` with no version only renames: the tag stays the manifests' own.
        if (ref.tag === undefined && ref.digest === undefined) return;
        const key = formatPath([...path, index]);
        const next = nextReference(update, ref, plan.versionNote(entry.start, key, update.image.repository));
        if (next) plan.setScalar(entry, entry.text.slice(0, eq + 1) + next, list.flow, { kind: "kustomize", key, document });
      });
    }
  }
};

/**
 * `name=*:tag`, `name=*@digest`: kustomize's `edit set image` keeps the name (`*`) and sets only
 * the version, so the entry is the incoming image's when `name` is its repository; only the
 * version after `*` is rewritten, by the same rules as a whole reference.
 */
function setKeptName(
  entry: FlowScalar,
  path: readonly PathSegment[],
  inFlow: boolean,
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  document: YamlDocument,
): void {
  const named = namedImageString(entry.text);
  const update = named?.ref && incoming.get(named.ref.repository);
  if (!update) return;
  const key = formatPath(path);
  const next = nextVersion(update, named.version, plan.versionNote(entry.start, key, update.image.repository));
  if (next) plan.setScalar(entry, withVersion(named, next), inFlow, { kind: "kustomize", key, document });
}

/** A `kustomize.images` string naming what it applies to (`name=…`), read. */
export interface NamedImageString {
  /** What stays as written before the version: `name=` and the image's name, or `name=*`. */
  readonly head: string;
  readonly version: Version;
  /** The image it sets, `*` standing for `name`; undefined where `name` reads as none (`{{.env}}-web=*:1.0.0`). */
  readonly ref: ImageRef | undefined;
}

/** `name=image` or `name=*<version>` (kustomize's "keep the name"), read; undefined for a string without `name=` or without an image or a version after it. */
export function namedImageString(text: string): NamedImageString | undefined {
  const eq = literalIndexOf(text, "=");
  if (eq <= 0) return undefined;
  const name = text.slice(0, eq);
  if (!text.startsWith("*", eq + 1)) {
    const ref = tryParseImageRef(text.slice(eq + 1));
    return ref && { head: `${name}=${ref.name}`, version: versionOf(ref.tag, ref.digest), ref };
  }
  const after = text.slice(eq + 2);
  // The version is read as any name's: `*` keeps whatever `name` is.
  const version = after === "" ? undefined : tryParseImageRef(`x${after}`);
  const ref = tryParseImageRef(name + after);
  return version && { head: `${name}=*`, version: versionOf(version.tag, version.digest), ref: ref?.name === name ? ref : undefined };
}

/** The string `named` holding the version `next` instead, the rest as written. */
export function withVersion(named: NamedImageString, next: Version): string {
  return named.head + formatImageRef({ name: "", ...next });
}

export const editArgoCdHelm: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const source of sourcesOf(document)) {
      const parameters = parametersAt(document.root, source);
      for (const [name, field] of parameters) {
        if (leafOf(name)[1] !== "image") continue;
        if (isFlowScalar(field.node) && hasPlaceholder(field.node.text)) warnSubstituted(field.node, field.path, incoming, plan);
        else setImageScalar(field, "helm", false, incoming, plan, document);
      }
      for (const image of parameterImages(parameters, file, document.root, source)) setHelmImage(image, incoming, plan, document);
      warnUnpairedRepositories(parameters, incoming, request.file, plan);
      if (source.length > 0) warnValuesString(document, source, request, plan);
    }
    if (document.object.kind === "ApplicationSet" && inGroup(document.object.apiVersion, ARGO))
      warnTemplatePatch(document, incoming, request, plan, [editArgoCdImages, editArgoCdHelm]);
  }
};

/**
 * The Helm images `parameters` of a source spell, one per name prefix; a repository
 * (`registry`, `repository` or `name`, and an `image` beside them) no parameter of the prefix gives is read from the
 * source's `valuesObject` at the prefix's path, as Helm merges the two, and a merge key there as YAML reads it.
 */
function parameterImages(parameters: readonly [string, HelmField][], file: YamlFile, root: YamlNode | null, source: readonly PathSegment[]): HelmImage[] {
  const byPrefix = new Map<string, Map<string, HelmField>>();
  for (const [name, field] of parameters) {
    const [prefix, leaf] = leafOf(name);
    const fields = byPrefix.get(prefix) ?? new Map<string, HelmField>();
    // Helm applies `--set`s in order: of a name given twice, the last one counts.
    byPrefix.set(prefix, fields.set(leaf, field));
  }
  // Parameters inside an image (`app.image.repository`) give its prefix an image beside its fields, a mapping (splitImage).
  for (const [prefix, fields] of byPrefix) {
    const [outer, leaf] = leafOf(prefix);
    const beside = leaf === IMAGE_KEY ? byPrefix.get(outer) : undefined;
    if (beside && !beside.has(IMAGE_KEY)) beside.set(IMAGE_KEY, fields.values().next().value!);
  }
  return [...byPrefix].map(([prefix, fields]) => {
    if (!fields.has("tag") || fields.has("repository") || fields.has("name")) return imageOf(fields);
    const read = valuesObjectAt(file, root, source, helmKeys(prefix));
    if (!read) return imageOf(fields);
    const merged = new Map<string, HelmField>();
    for (const key of ["registry", "repository", "name", IMAGE_KEY]) {
      const field = read(key);
      if (field) merged.set(key, field);
    }
    for (const [leaf, field] of fields) merged.set(leaf, field);
    return imageOf(merged);
  });
}

function imageOf(fields: ReadonlyMap<string, HelmField>): HelmImage {
  return splitImage((key) => fields.get(key));
}
