export type FileKind = "yaml" | "kcl";
export declare function fileKind(path: string): FileKind | undefined;
/**
 * The editors guarantee a splice never breaks a file; this re-parse of the (few) changed
 * files makes a broken guarantee an error instead of a broken commit.
 */
export declare function checkParses(kind: FileKind, path: string, text: string): void;
