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
import { type ImageRef } from "../image/reference.js";
import { type Version } from "../image/update.js";
import type { Editor } from "./plan.js";
export declare const editArgoCdImages: Editor;
/** A `kustomize.images` string naming what it applies to (`name=…`), read. */
export interface NamedImageString {
    /** What stays as written before the version: `name=` and the image's name, or `name=*`. */
    readonly head: string;
    readonly version: Version;
    /** The image it sets, `*` standing for `name`; undefined where `name` reads as none (`{{.env}}-web=*:1.0.0`). */
    readonly ref: ImageRef | undefined;
}
/** `name=image` or `name=*<version>` (kustomize's "keep the name"), read; undefined for a string without `name=` or without an image or a version after it. */
export declare function namedImageString(text: string): NamedImageString | undefined;
/** The string `named` holding the version `next` instead, the rest as written. */
export declare function withVersion(named: NamedImageString, next: Version): string;
export declare const editArgoCdHelm: Editor;
