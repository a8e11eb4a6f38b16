import type { YamlDocument } from "./file.js";
import type { Editor } from "./plan.js";
/**
 * A kustomize kustomization or component (a kustomization.yaml may omit apiVersion, kind or
 * both), or a Flux Kustomization: documents where `image:` selects a patch target rather
 * than naming a container's image.
 */
export declare function isKustomization(document: YamlDocument): boolean;
export declare const editKustomizeImages: Editor;
