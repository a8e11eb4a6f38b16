import type { Editor } from "./plan.js";
export declare const editArgoCdImages: Editor;
export declare const editArgoCdHelm: Editor;
