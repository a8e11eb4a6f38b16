import type { Editor } from "./plan.js";
export declare const editImages: Editor;
