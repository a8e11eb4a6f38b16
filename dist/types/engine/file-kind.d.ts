import { type FieldNamer } from "../field-name.js";
export type FileKind = "yaml" | "kcl" | "kcl-mod";
export declare function fileKind(path: string): FileKind | undefined;
/**
 * Whether the file's Flux markers are read: a kcl.mod's TOML comments are no place Flux or an
 * editor here reads one (its overrides move by repository only).
 */
export declare function readsMarkers(path: string): boolean;
/**
 * Why a kcl.mod is no file an override (`--set`, configured) names: its `[profile] overrides`
 * are TOML strings holding specs, of which only the images are moved, by repository. `name` says
 * the set as the request's face does (`--set`, `input set`).
 */
export declare function kclModNotSet(name?: FieldNamer): string;
/**
 * A file the tree holds for its tools, not for a cluster: KCL's `*_test.k` test cases, whose
 * fixtures and asserts must stay as they are (`kcl run` leaves them out too). Edited only
 * when an override names one.
 */
export declare function isTestFile(path: string): boolean;
/**
 * A Helm chart's template (`templates/` beside the chart's `Chart.yaml`): Go template text
 * Helm renders, most often not YAML until then, so one that does not parse is no news.
 */
export declare function isHelmTemplate(path: string, present: ReadonlySet<string>): boolean;
/**
 * The editors guarantee a splice never breaks a file; this re-parse of the (few) changed
 * files makes a broken guarantee an error instead of a broken commit. A kcl.mod is TOML, of
 * which only the strings of `[profile] overrides` change: it reads as before when they are the
 * same strings holding specs of the same paths (a string ended early would split or shift them).
 */
export declare function checkParses(kind: FileKind, path: string, before: string, after: string): void;
