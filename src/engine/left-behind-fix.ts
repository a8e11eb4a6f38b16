/**
 * What to do about a reference left behind where no rule edits it, where its file tells: an
 * override of the field that holds it whole, or moving it out of the longer string it sits in.
 */
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import { T, tryTokenize } from "../kcl/tokenizer.js";
import { tryYamlFile } from "../yaml/file.js";
import { isFlowScalar, mapValue, nodeAt, type ScalarNode, type YamlNode } from "../yaml/node.js";
import { formatPath, type PathSegment } from "../yaml/path.js";
import { forEachValue } from "../yaml/walk.js";
import { overrideAdvice } from "../yaml/argocd-unpaired.js";
import { fileKind } from "./file-kind.js";
import { givenValue, type FieldNamer } from "../field-name.js";

/**
 * What to do about a place no rule edits, where its file tells: a YAML scalar that is the whole reference takes a
 * configured override of its path, a repository field beside a `tag` one of that tag (overrideAdvice's, with the
 * file); a reference inside a longer string (args, an env text, a KCL string) is no value
 * of its own, and a string is set whole or not at all. None where the place is none of these, or sits in a later
 * document at a path an earlier one holds too, which an override or a set would set instead.
 */
export function fixFor(
  path: string,
  text: string,
  place: { readonly at: number; readonly reference?: string },
  image: ImageRef,
  name?: FieldNamer,
): string | undefined {
  const kind = fileKind(path);
  if (kind === "kcl")
    return place.reference !== undefined && inKclString(text, place.at, place.reference)
      ? `it is inside a longer string, ${NO_PART}: move it into a string of its own`
      : undefined;
  if (kind !== "yaml") return undefined;
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const found = scalarAt(text.slice(bom), place.at - bom);
  if (!found) return undefined;
  const { node, path: at, root } = found;
  const spec = formatPath(at);
  if (place.reference === undefined) {
    // The repository alone, beside the tag of a pair no rule read as this image (its registry elsewhere: a global.imageRegistry).
    const holder = nodeAt(root, at.slice(0, -1));
    const versioned = tryParseImageRef(node.text.trim());
    if (holder?.kind !== "map" || !isFlowScalar(mapValue(holder, "tag")) || versioned?.tag !== undefined || versioned?.digest !== undefined) return undefined;
    const tag = formatPath([...at.slice(0, -1), "tag"]);
    return `no rule reads ${spec} as ${image.repository}; ${overrideAdvice(tag, image.repository, { file: path, part: "tag", subject: tag }).advice}`;
  }
  if (isFlowScalar(node) && node.text.trim() === place.reference)
    return `no rule edits ${spec}; ${overrideAdvice(spec, image.repository, { file: path }).advice}`;
  const whole = isFlowScalar(node) ? `, or set the whole string with ${givenValue(name, "set", `${path}:${spec}=…`)}` : "";
  return `it is inside the longer string at ${spec}, ${NO_PART}: move it into a field of its own${whole}`;
}

const NO_PART = "and gitops-promote edits no part of a string";

/**
 * The scalar value of a YAML text that holds an offset, with its path and its document's root; none in a text that
 * does not parse, outside every scalar value, or in a document after one that has the same path (where a path sets the first).
 */
function scalarAt(text: string, at: number): { node: ScalarNode; path: readonly PathSegment[]; root: YamlNode | null } | undefined {
  const file = tryYamlFile(text);
  if (!file) return undefined;
  for (const [d, { root }] of file.documents.entries()) {
    let found: { node: ScalarNode; path: readonly PathSegment[] } | undefined;
    forEachValue(root, ({ node, path }) => {
      if (node.kind === "scalar" && node.start <= at && at < node.end) found = { node, path };
    });
    if (!found) continue;
    const { path } = found;
    return file.documents.slice(0, d).some((earlier) => nodeAt(earlier.root, path) !== undefined) ? undefined : { ...found, root };
  }
  return undefined;
}

/** Whether a KCL reference at `at` is part of a longer string literal, not the whole of one. */
function inKclString(text: string, at: number, reference: string): boolean {
  const tokens = tryTokenize(text);
  if (!tokens) return false;
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.kind[t] !== T.String || tokens.start[t]! > at || at >= tokens.end[t]!) continue;
    // What the literal holds besides the reference: only its quotes (and a prefix such as r) when it is the whole.
    return !/^[A-Za-z]?(["'])\1$/.test(text.slice(tokens.start[t], tokens.end[t]).replace(reference, ""));
  }
  return false;
}
