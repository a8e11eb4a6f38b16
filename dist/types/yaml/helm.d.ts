import { type ImageUpdate } from "../image/update.js";
import type { YamlDocument } from "./file.js";
import { type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import type { EditPlan, Editor } from "./plan.js";
/** One field of a Helm image: its value node, the path a change names it by, and whether it is inside a flow collection. */
export interface HelmField {
    readonly node: YamlNode | null;
    readonly path: readonly PathSegment[];
    readonly inFlow: boolean;
    /** Taken from a merge key (`<<: *img`): `path` is where it is written, shared by every mapping merging it; never written for this one. */
    readonly merged?: boolean;
}
/** The fields of one Helm image; `repository` is `name` when that is how it is written. `path` names the pair (a values mapping), else its tag does. */
export interface HelmImage {
    readonly path?: readonly PathSegment[];
    readonly repository?: HelmField | undefined;
    readonly registry?: HelmField | undefined;
    readonly tag?: HelmField | undefined;
    readonly digest?: HelmField | undefined;
}
/** Sets the tag (and digest) of `image` when its registry/repository is an incoming repository. */
export declare function setHelmImage(image: HelmImage, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan, document: YamlDocument): void;
export declare const editHelmValues: Editor;
