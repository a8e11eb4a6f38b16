import type { YamlDocument } from "./file.js";
import type { Editor } from "./plan.js";
/** A kustomize or Flux Kustomization document, where `image:` selects a patch target rather than naming a container's image. */
export declare function isKustomization(document: YamlDocument): boolean;
export declare const editKustomizeImages: Editor;
