/**
 * # The common subset of YAML, parsed in one pass
 *
 * Manifests are nearly always written in a small part of YAML: block mappings and
 * sequences indented with spaces, one-line plain and quoted scalars, one-line flow
 * collections, comments, `---` between documents. `parseSubset` reads exactly that part
 * with one scan over the characters, about ten times faster than the general `yaml`
 * parser, into the same tree (node.ts) the `yaml` package's reading converts to, so the
 * editors cannot tell which parser ran.
 *
 * Block scalars and double-quoted escapes are read too. Anything else (anchors, aliases,
 * tags, multi-line plain or quoted scalars and flow collections, explicit `?` keys,
 * directives, tabs in indentation, keys that could resolve to a non-string, duplicate
 * keys, the rarer forms of block scalars, any doubt) returns undefined and the caller asks the
 * `yaml` package, which also gives the error for text that is not YAML at all. So the
 * subset never decides a question it might answer differently: it accepts only text the
 * `yaml` package reads without error, as the same tree (test/yaml/subset.test.ts checks
 * both against the package on generated, mutated and real files).
 */
import type { YamlNode } from "./node.js";
/** The documents' root nodes, or undefined when `text` is outside the subset. */
export declare function parseSubset(text: string): YamlNode[] | undefined;
