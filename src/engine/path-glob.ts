/**
 * Path globs as users write them, for `--path` and a target's `paths`: a glob naming a
 * directory, or matching one, stands for everything under it, like Flux's `update.path`
 * (`deploy/prod`, `deploy/prod/` and `deploy/*` all reach `deploy/prod/app.yaml`).
 */
import picomatch from "picomatch";

/** Whether a path (relative to the root, `/`-separated) is one the globs name or lies under one. */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const matches = picomatch(
    globs.flatMap((glob) => {
      const base = glob.replace(/\/+$/, "");
      return [base, `${base}/**`];
    }),
    { dot: true },
  );
  // A path a glob matches starts with the glob's leading plain names: testing that first spares
  // running every pattern over every file of a large tree (a target's paths, one per cluster).
  const prefixes = globs.map(plainStart);
  if (prefixes.includes("")) return matches;
  return (path) => prefixes.some((prefix) => path.startsWith(prefix)) && matches(path);
}

/**
 * The glob's leading names of letters, digits, `_` and `-`, and the `/` between them: text
 * picomatch reads literally (`.`, `//` and anything else may not be). Not a `/` after the last:
 * `deploy/**` matches `deploy` itself.
 */
function plainStart(glob: string): string {
  return /^[\w-]*(?:\/[\w-]+)*/.exec(glob)![0];
}

/**
 * A path or glob written with Windows separators (`clusters\staging\*.yaml`) as the tree spells
 * paths, with `/`: every `\` is one, as picomatch reads globs on Windows. A glob character is
 * matched literally inside a class (`[*]`), not after a `\`.
 */
export function slashSeparated(glob: string): string {
  return glob.replaceAll("\\", "/");
}
