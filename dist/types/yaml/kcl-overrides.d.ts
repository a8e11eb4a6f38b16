import type { Editor } from "./plan.js";
export declare const editKclOverrideSpecs: Editor;
