/**
 * A Flux marker whose part does not fit the field it marks, in YAML and KCL alike: a
 * whole-reference marker on a field named for a part (kustomize's `newTag`, a Helm or KCL `tag` or `repository`),
 * a `:tag`, `:name` or `:digest` marker on a field named for another part (`tag` marked `:name`),
 * or on a field holding a whole reference (`image: app:1.0`). Flux writes its value there all the same, so it is written as Flux writes
 * it and markers keep working unchanged; said, since what reads the field then finds another
 * part than it reads there.
 */
import { oneLine } from "../text/one-line.js";
import type { Marker, MarkerField } from "./marker.js";
import { isDigest, isTag, spelledAsDigest, tryParseImageRef, writtenRegistry } from "./reference.js";

/** The keys of an image's tag: `tag` (Helm values, KCL-style configs) and kustomize's `newTag`. */
export const TAG_KEYS: ReadonlySet<string> = new Set(["tag", "newTag"]);

/** The keys named for one part of a reference, where a marker of that part belongs whatever the field held. */
const PART_KEYS: Readonly<Record<Exclude<MarkerField, "ref">, ReadonlySet<string>>> = {
  tag: TAG_KEYS,
  name: new Set(["repository", "name", "newName"]),
  digest: new Set(["digest"]),
};
const PARTS = Object.keys(PART_KEYS) as readonly (keyof typeof PART_KEYS)[];

/** What kustomize or a chart makes of a whole reference in a field of each part: it joins the other parts to it. */
const READ_AS: Readonly<Record<keyof typeof PART_KEYS, (value: string) => string>> = {
  tag: (value) => `name:${value}`,
  name: (value) => `${value}:tag`,
  digest: (value) => `name@${value}`,
};

/**
 * The warning for the value a marker writes into a field that does not fit it, if it does not:
 * `field` names the field in the warning (a path, a key), `key` is its own key (none for a list
 * item), `old` what it holds now.
 */
export function misfitWarning(marker: Marker, field: string, key: string | undefined, old: string): ((value: string) => string) | undefined {
  const marks = `Flux setter "${marker.setter}" marks ${field}`;
  const written = (value: string) => `${value || '""'} is written there, as Flux writes a marked field`;
  const named = key === undefined ? undefined : PARTS.find((part) => PART_KEYS[part].has(key));
  if (marker.field === "ref") {
    if (named === undefined) return undefined;
    return (value) =>
      `${marks}, a ${named} field, with the whole reference: ${written(value)}, ` +
      `and kustomize or the chart reads it as a ${named} (${READ_AS[named](value)}); mark it {"$imagepolicy": "${marker.key}:${named}"} to set the ${named} alone`;
  }
  if (named === marker.field) return undefined;
  if (named !== undefined)
    return (value) =>
      `${marks}, a ${named} field, with the ${marker.field} alone: ${written(value)}, ` +
      `and what reads the field reads it as a ${named}; mark it {"$imagepolicy": "${marker.key}:${named}"} to set the ${named}`;
  if (!holdsWholeReference(marker.field, old)) return undefined;
  return (value) =>
    `${marks}, which holds a whole reference (${old}), with its ${marker.field} alone: ${written(value)}, ` +
    `and the field then holds only that; mark it {"$imagepolicy": "${marker.key}"} to set the whole reference`;
}

/** Whether a field's text is a reference holding more than the part a marker sets (not a bare tag or digest, nor a name alone). */
function holdsWholeReference(field: Exclude<MarkerField, "ref">, text: string): boolean {
  const ref = spelledAsDigest(text) ? undefined : tryParseImageRef(text);
  if (!ref) return false;
  switch (field) {
    case "tag":
      return !isTag(text);
    case "digest":
      return !isDigest(text);
    case "name":
      return ref.tag !== undefined || ref.digest !== undefined;
  }
}

/** A split image's registry field (`image.registry`), named by its path, and what it holds. */
export interface RegistryField {
  readonly field: string;
  readonly text: string;
}

/**
 * The warning for the name a `:name` marker writes into a split image's repository beside a registry field, if the
 * chart would read the registry twice: Flux writes the ImageRepository's image as written, its registry with it, and a
 * chart joins its registry field to the repository (registry/repository), so `ghcr.io/acme/app` there renders
 * `ghcr.io/ghcr.io/acme/app`. None for a name without a registry (a Docker Hub one) or an empty registry field. The
 * field's text is the file's, so it is said on one line (oneLine).
 */
export function registryJoinWarning(marker: Marker, field: string, registry: RegistryField, value: string): string | undefined {
  if (marker.field !== "name" || registry.text === "" || writtenRegistry(value) === undefined) return undefined;
  return oneLine(
    `Flux setter "${marker.setter}" marks ${field}, beside the registry field ${registry.field} (${registry.text}): ${value}, the name with its registry, ` +
      `is written there, as Flux writes a marked field, and a chart that joins the registry to the repository reads ${registry.text}/${value}; ` +
      `leave the repository unmarked, written without its registry, and mark the tag alone {"$imagepolicy": "${marker.key}:tag"}`,
  );
}
