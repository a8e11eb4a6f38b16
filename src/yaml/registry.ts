/**
 * What a Helm-style pair's `registry` field names, as every reader of a pair reads it (the Helm editor, the marker
 * editor, a patch's test op, a lone tag's pair, a chart's values): the chart pulls `<registry>/<repository>`.
 * - none where the pair has no registry, its key no value, or YAML's null (`registry: ~`), whose key Helm drops: the
 *   repository alone names the image;
 * - its text where it is a string (through an alias, as the caller reads it);
 * - unknown where this run cannot read it (a mapping or list, an alias of none, a template or substitution filled in
 *   after this tool): the image is not known, so it is neither the repository alone nor the text joined to it. Such a
 *   pair is not edited (unknownRegistryImages, unknownRegistryWarning say where an incoming image may be it).
 */
import type { Registry, UnknownRegistry } from "../image/split-image.js";
import { scalarText, type YamlNode } from "./node.js";
import { hasPlaceholder } from "./placeholder.js";
import { readsAsNull } from "./quoting.js";

/** A registry field that is no string: a mapping or list, an alias of none. */
export const NO_STRING_REGISTRY: UnknownRegistry = { unknown: "which is no string" };

/** A registry field a template or substitution fills in after this tool (`{{ .Values.registry }}`, `${REGISTRY}`). */
const FILLED_REGISTRY: UnknownRegistry = { unknown: "which is filled in after this tool" };

/**
 * What the registry field `node` names, `scalar` being what it reads as (scalarOf, through an alias) and `text` its
 * text as the caller reads it (heldText, as a plan leaves it).
 */
export function readRegistry(node: YamlNode | null | undefined, scalar: YamlNode | undefined = node ?? undefined, text = scalarText(scalar)): Registry {
  if (!node || (scalar?.kind === "scalar" && readsAsNull(scalar))) return undefined;
  if (text === undefined) return NO_STRING_REGISTRY;
  return hasPlaceholder(text) ? FILLED_REGISTRY : text;
}
