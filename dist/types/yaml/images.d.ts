import { type ImageUpdate } from "../image/update.js";
import type { YamlDocument } from "./file.js";
import { type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import type { Editor, EditPlan } from "./plan.js";
export declare const editImages: Editor;
/**
 * A scalar holding a whole image reference of an incoming repository gets its next reference.
 * A bare repository gets a tag only in a container spec (`container`, the list holding it, or false);
 * elsewhere its version lives in another field, which a warning says. One whose name is
 * `kustomizeTagged`, in a list kustomize re-tags, is left to the kustomization whose `images:`
 * entry sets its version (and moves), saying the reason given, if any.
 */
export declare function setImageScalar(field: {
    readonly node: YamlNode | null;
    readonly path: readonly PathSegment[];
    readonly inFlow: boolean;
}, kind: "image" | "helm" | "override", container: ContainerList | false, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan, document: YamlDocument, kustomizeTagged?: ReadonlyMap<string, string | undefined>): void;
/** The lists of a pod spec holding containers. */
export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";
/** `...containers[i].image`: a Kubernetes container's image, where a bare repository means `:latest`; the list holding it, or false. */
export declare function inContainerSpec(path: readonly PathSegment[]): ContainerList | false;
/**
 * An `image:` written as a block scalar is never edited (node.ts: only plain and quoted scalars
 * are): one holding an incoming repository at another version is named at its line, as a
 * marked block scalar is, rather than left to the engine's warning of a repository nothing edited.
 */
export declare const warnBlockImages: Editor;
