import type { YamlDocument } from "./file.js";
import type { Editor } from "./plan.js";
/** A kustomize or Flux Kustomization document. */
export declare function isKustomization(document: YamlDocument): boolean;
export declare const editKustomizeImages: Editor;
