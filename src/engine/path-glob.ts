/**
 * Path globs as users write them, for `--path` and a target's `paths`: a glob naming a
 * directory, or matching one, stands for everything under it, like Flux's `update.path`
 * (`deploy/prod`, `deploy/prod/` and `deploy/*` all reach `deploy/prod/app.yaml`).
 */
import picomatch from "picomatch";

/** Whether a path (relative to the root, `/`-separated) is one the globs name or lies under one. */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  return picomatch(
    globs.flatMap((glob) => {
      const base = glob.replace(/\/+$/, "");
      return [base, `${base}/**`];
    }),
    { dot: true },
  );
}
