export type FileKind = "yaml" | "kcl";
export declare function fileKind(path: string): FileKind | undefined;
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
 * files makes a broken guarantee an error instead of a broken commit.
 */
export declare function checkParses(kind: FileKind, path: string, text: string): void;
