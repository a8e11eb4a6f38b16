/**
 * The Flux ImagePolicies of the repository a tree is in, outside that tree: what defines a marker key a run on
 * a subdirectory (`update clusters/my-cluster`) does not read, `flux-system/` beside `clusters/` most often.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileKind } from "../engine/file-kind.js";
import { fluxSetters, mayHoldFluxObjects, type FluxSetter } from "../engine/flux-objects.js";
import { filesUnder } from "../engine/source.js";
import type { TextFile } from "../engine/source.js";

/**
 * The ImagePolicy outside `inside` (the tree, a POSIX path from `top`) that defines a marker key, of those under `top`
 * (the repository's root, from which its files are named): the first in path order. The repository is read when first
 * asked, which is only when a key is about to be said undefined, and synchronously, as the engine asks then.
 * Its ImageRepository may be anywhere under `top`, the tree included, as a run on `top` would read it.
 */
export function policiesAbove(top: string, inside: string): (key: string) => FluxSetter | undefined {
  let setters: ReadonlyMap<string, readonly FluxSetter[]> | undefined;
  const outside = (file: string) => !file.startsWith(`${inside}/`);
  return (key) => {
    setters ??= fluxSetters(fluxFiles(top)).setters;
    return setters.get(key)?.find((setter) => outside(setter.file));
  };
}

/**
 * The YAML files under `root` that may hold Flux objects, in path order; a file or directory that cannot be read is passed over,
 * as nothing it might define is known: a hint never fails the run it is asked for.
 */
function fluxFiles(root: string): TextFile[] {
  return filesUnder(root, new Map(), true)
    .filter((file) => fileKind(file) === "yaml")
    .sort()
    .flatMap((file) => {
      try {
        const text = readFileSync(join(root, file), "utf8");
        return mayHoldFluxObjects(text) ? [{ file, text }] : [];
      } catch {
        return [];
      }
    });
}
