/**
 * A directory of the repository as Flux joins it to its checkout (SecureJoin: `..` never climbs
 * above the root): without `./`, `..` or a trailing `/`; "" for the root.
 */
export declare function repositoryPath(path: string): string;
/**
 * `path`, a directory from the repository root, as a path of the tree whose root is `treeRoot` in
 * it (FluxAutomation's `treePath`, a Flux Kustomization's `spec.path`): `""` for the tree's root or
 * a directory above it, undefined for one beside it.
 */
export declare function treeDirectory(path: string, treeRoot: string): string | undefined;
