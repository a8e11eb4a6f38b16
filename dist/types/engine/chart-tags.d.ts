import type { FieldWarning } from "../change.js";
import { type ImageUpdate } from "../image/update.js";
/**
 * `texts` are the files read (a chart's values may be outside the paths), `inScope` those the run
 * edits; `updatesFor(path)` the incoming images as the file's target lets them in (with its policy).
 */
export declare function warnLoneTagParameters(texts: ReadonlyMap<string, string>, inScope: (path: string) => boolean, updatesFor: (path: string) => readonly ImageUpdate[], warnings: FieldWarning[]): void;
/**
 * The values files of this tree that an Application in `texts` lists, which `texts` lacks (the
 * screen read no file that spells no incoming repository): a lone tag in one is read from them.
 */
export declare function unreadValueFiles(texts: ReadonlyMap<string, string>, present: ReadonlySet<string>, updatesFor: (path: string) => readonly ImageUpdate[]): string[];
