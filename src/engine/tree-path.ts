/**
 * Path arithmetic between a repository and the tree read from it, which may sit below its root
 * (`clusters`): Flux reads its paths (an automation's update path, a Kustomization's `spec.path`)
 * from the repository's root, the engine the tree's paths from the tree's.
 */
import { posix } from "node:path";

/**
 * A directory of the repository as Flux joins it to its checkout (SecureJoin: `..` never climbs
 * above the root): without `./`, `..` or a trailing `/`; "" for the root.
 */
export function repositoryPath(path: string): string {
  return posix.normalize(`/${path}`).replace(/^\/+|\/+$/g, "");
}

/**
 * `path`, a directory from the repository root, as a path of the tree whose root is `treeRoot` in
 * it (FluxAutomation's `treePath`, a Flux Kustomization's `spec.path`): `""` for the tree's root or
 * a directory above it, undefined for one beside it.
 */
export function treeDirectory(path: string, treeRoot: string): string | undefined {
  if (path === "" || path === treeRoot || treeRoot.startsWith(`${path}/`)) return "";
  if (treeRoot === "") return path;
  return path.startsWith(`${treeRoot}/`) ? path.slice(treeRoot.length + 1) : undefined;
}
