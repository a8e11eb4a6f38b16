import type { Warning } from "../change.js";
import { type ImageUpdate } from "../image/update.js";
/**
 * `texts` are the files read (a chart's values may be outside the paths), `inScope` those the run
 * edits; `updatesFor(path)` the incoming images as the file's target lets them in (with its policy).
 */
export declare function warnLoneTagParameters(texts: ReadonlyMap<string, string>, inScope: (path: string) => boolean, updatesFor: (path: string) => readonly ImageUpdate[], warnings: Warning[]): void;
