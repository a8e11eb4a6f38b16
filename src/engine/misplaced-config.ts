/**
 * Configuration files where none is read: `gitops-promote.yaml` at the tree's root (beside
 * `.github/`, not in it), and `.github/gitops-promote.yaml` below the root (a tree holding
 * another tree, as examples/ does). Neither is the configuration, and neither is a manifest: a
 * configuration's `image:` keys name repositories, and its targets' files are another tree's.
 * Each is left out of the edit and said once, as the CLI says of a configuration above DIR.
 */
import type { AsideWarning } from "../change.js";

const AT_ROOT = /^gitops-promote\.ya?ml$/;
const NESTED = /^(.+)\/\.github\/gitops-promote\.ya?ml$/;

/** Whether `path` is named as a configuration where none is read. */
export function isMisplacedConfig(path: string): boolean {
  return AT_ROOT.test(path) || NESTED.test(path);
}

/** The configuration this run reads: its file (undefined for one the request gives as a Config), and whether it exists. */
export interface ReadConfig {
  readonly path: string | undefined;
  readonly present: boolean;
  /** Whether `path` is the default name, read when the request names none. */
  readonly byDefault: boolean;
}

/** A warning at each misplaced configuration of `files` (the one the run reads is never one), saying where the configuration is read from. */
export function warnMisplacedConfigs(files: readonly string[], read: ReadConfig): AsideWarning[] {
  const where =
    read.path === undefined
      ? "the configuration read is the one the request gives"
      : read.byDefault && !read.present
        ? "a configuration is read only from .github/gitops-promote.yaml (or .yml) at the root"
        : `the configuration read is ${read.path}`;
  return files
    .filter((path) => path !== read.path && isMisplacedConfig(path))
    .map((path) => {
      const tree = NESTED.exec(path)?.[1];
      const advice =
        tree !== undefined
          ? `to apply them, run gitops-promote update on ${tree}, the tree it configures`
          : read.byDefault && !read.present
            ? "to apply them, move it to .github/gitops-promote.yaml"
            : "to apply them, move them into that configuration";
      return {
        file: path,
        message: `not read, as a configuration or a manifest: ${where}, so its targets, their policies and its overrides do not apply to this run; ${advice}`,
        aside: true,
      };
    });
}
