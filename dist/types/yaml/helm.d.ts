import { type ImageUpdate } from "../image/update.js";
import type { YamlDocument } from "./file.js";
import { type MappingField } from "./merge-key.js";
import { type PathSegment } from "./path.js";
import type { EditPlan, Editor } from "./plan.js";
/**
 * One field of a Helm image, its own or merged: merge-key.ts's MappingField, named for its role. Argo CD's
 * Helm parameters (argocd-parameters.ts) are such fields too, though no mapping holds them: each
 * parameter's value is a field of the Helm image its name prefix stands for, so they are typed by that role.
 */
export type HelmField = MappingField;
/** The fields of one Helm image; `repository` is `name` when that is how it is written. `path` names the pair (a values mapping), else its tag does. */
export interface HelmImage {
    readonly path?: readonly PathSegment[];
    readonly repository?: HelmField | undefined;
    readonly registry?: HelmField | undefined;
    readonly tag?: HelmField | undefined;
    readonly digest?: HelmField | undefined;
}
/**
 * Sets the tag (and digest) of `image` when its registry/repository is an incoming repository; `paired`, the
 * repository (with its registry) of a tag written alone, as the pair it belongs to in another file writes it.
 */
export declare function setHelmImage(image: HelmImage, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan, document: YamlDocument, paired?: string): void;
export declare const editHelmValues: Editor;
