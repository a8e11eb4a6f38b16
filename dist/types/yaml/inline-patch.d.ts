import { type Editor } from "./plan.js";
export declare const editInlinePatches: Editor;
