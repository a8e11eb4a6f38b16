/**
 * What a Helm-style pair's `registry` field names, as every reader of a pair reads it (the Helm editor, the marker
 * editor, a patch's test op, a lone tag's pair, a chart's values): the chart pulls `<registry>/<repository>`.
 * - none where the pair has no registry, its key no value, or YAML's null (`registry: ~`), whose key Helm drops: the
 *   repository alone names the image;
 * - its text where it is a string, or an alias (`registry: *reg`) of one anchored in the same document
 *   (`&reg ghcr.io`), which YAML and so Helm read as that string;
 * - unknown where this run cannot read it (a mapping or list, an alias of one or of no anchor in the document, a
 *   template or substitution filled in after this tool): the image is not known, so it is neither the repository alone
 *   nor the text joined to it. Such a pair is not edited (unknownRegistryImages, unknownRegistryWarning say where an
 *   incoming image may be it).
 */
import type { Registry, UnknownRegistry } from "../image/split-image.js";
import { scalarOf } from "./alias.js";
import type { YamlFile } from "./file.js";
import { scalarText, type YamlNode } from "./node.js";
import { hasPlaceholder } from "./placeholder.js";
import { readsAsNull } from "./quoting.js";

/** A registry field that is no string: a mapping or list, an alias of one or of no anchor. */
export const NO_STRING_REGISTRY: UnknownRegistry = { unknown: "which is no string" };

/** A registry field a template or substitution fills in after this tool (`{{ .Values.registry }}`, `${REGISTRY}`). */
const FILLED_REGISTRY: UnknownRegistry = { unknown: "which is filled in after this tool" };

/**
 * What the registry field `node` of a document of `file` (whose root is `root`) names, through an alias as every
 * reader sees it (scalarOf); `text` is the text the caller reads (heldText, as a plan leaves an anchored scalar).
 */
export function readRegistry(file: YamlFile, root: YamlNode | null, node: YamlNode | null | undefined, text?: string): Registry {
  const scalar = node ? scalarOf(file, root, node) : undefined;
  if (!node || (scalar && readsAsNull(scalar))) return undefined;
  const read = text ?? scalarText(scalar);
  if (read === undefined) return NO_STRING_REGISTRY;
  return hasPlaceholder(read) ? FILLED_REGISTRY : read;
}
