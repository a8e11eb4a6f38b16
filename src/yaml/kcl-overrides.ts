/**
 * Images in KCL `-O` override specs kept in YAML, which KCL applies in memory on top of the
 * program it runs (reference/kcl-override.md §1.9), so an image pinned there wins over any `.k`
 * file: a flux-kcl-controller `KCLRun`'s `spec.config.overrides` (krm.kcl.dev.fluxcd/v1alpha1,
 * api/v1alpha1/kclrun_types.go) and a KCL settings file's `kcl_cli_configs.overrides`
 * (`kcl.yaml`, crates/config/src/settings.rs); and the `-D` options the program reads with
 * `option()`, a KCLRun's `spec.config.arguments` (`name="value"`, the same grammar) and a
 * settings file's `kcl_options` (`{key, value}`, whose value is an image field). A spec is read as KCL reads it
 * (override-spec.ts); a `=` or `:` spec whose value is one string literal holding an image of
 * an incoming repository gets the next reference in the literal's own quotes, and an unquoted
 * value whose head is an operation (`ghcr.io/acme/app:1.0`) is the string of its whole text
 * (KCL's binary-to-string rule), so it is written unquoted again. The YAML string is
 * re-rendered in its own style when that style renders it as written (then only the value's
 * characters change); a value of the repository written any other way (interpolated,
 * an expression, `nginx:1.25` of which KCL keeps `nginx`, a folded YAML string) is named in a
 * warning and left as it is. A marked spec is its Flux marker's (markers.ts).
 */
import { formatImageRef, tryParseImageRef } from "../image/reference.js";
import { bareRepositoryWarning, byRepository, nextReference, staleImageIn, type ImageUpdate } from "../image/update.js";
import { parseOverrideSpec, OverrideSpecError, type OverrideSpec } from "../kcl/override-spec.js";
import { readSpecValue } from "../kcl/spec-value.js";
import { writeStringLiteral } from "../kcl/string-literal.js";
import type { YamlDocument } from "./file.js";
import { setImageScalar } from "./images.js";
import { isFlowScalar, mapValue, nodeAt, type ScalarNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { EditPlan, Editor } from "./plan.js";
import { scalarForm } from "./quoting.js";
import { scalarSplice } from "./splice.js";

export const editKclOverrideSpecs: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const path of specListPaths(document)) {
      const list = nodeAt(document.root, path);
      if (list?.kind !== "seq") continue;
      list.items.forEach((item, index) => {
        if (item.kind === "scalar" && !plan.isClaimed(item)) editSpec({ node: item, path: [...path, index], inFlow: list.flow }, document, incoming, plan);
      });
    }
    if (isSettingsFile(document)) editOptions(document, incoming, plan);
  }
};

/**
 * Where a document keeps lists of `path=value` specs: a KCLRun's `spec.config.overrides` and
 * its `spec.config.arguments` (`-D name=value`, the same grammar with a one-name path), a
 * settings file's `kcl_cli_configs.overrides`.
 */
function specListPaths(document: YamlDocument): PathSegment[][] {
  const { apiVersion, kind } = document.object;
  if (kind === "KCLRun" && apiVersion?.startsWith("krm.kcl.dev.fluxcd/")) {
    return [
      ["spec", "config", "overrides"],
      ["spec", "config", "arguments"],
    ];
  }
  return isSettingsFile(document) ? [["kcl_cli_configs", "overrides"]] : [];
}

/** A KCL settings file (`kcl.yaml`, `kcl -Y`): no apiVersion or kind, a `kcl_cli_configs` mapping. */
function isSettingsFile(document: YamlDocument): boolean {
  const { apiVersion, kind } = document.object;
  return apiVersion === undefined && kind === undefined && nodeAt(document.root, ["kcl_cli_configs"])?.kind === "map";
}

/** A settings file's `kcl_options` (`-D` options as `{key, value}`): a value holding an image of an incoming repository moves on. */
function editOptions(document: YamlDocument, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const options = nodeAt(document.root, ["kcl_options"]);
  if (options?.kind !== "seq") return;
  options.items.forEach((option, index) => {
    const node = option.kind === "map" ? mapValue(option, "value") : undefined;
    if (node)
      setImageScalar(
        { node, path: ["kcl_options", index, "value"], inFlow: options.flow || (option.kind === "map" && option.flow) },
        "image",
        false,
        incoming,
        plan,
        document,
      );
  });
}

interface SpecString {
  readonly node: ScalarNode;
  readonly path: readonly PathSegment[];
  readonly inFlow: boolean;
}

function editSpec(at: SpecString, document: YamlDocument, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const { node } = at;
  let spec: OverrideSpec;
  try {
    spec = parseOverrideSpec(node.text);
  } catch (error) {
    // Not a spec: the controller refuses it, there is nothing to edit.
    if (error instanceof OverrideSpecError) return;
    throw error;
  }
  if (spec.operation === "-") return;
  const key = `${formatPath(at.path)}: ${spec.path}`;
  const warn = (message: string) => plan.warn(node.start, `${key} ${message}`);
  const notEdited = (form: string) => {
    const stale = staleImageIn(spec.value, incoming);
    if (stale)
      warn(`holds ${formatImageRef(stale)} in ${form}, which is not edited (only a value that is one string is), so the image this spec pins stays as it is`);
  };
  const value = readSpecValue(spec.value);
  if (value.kind === "other" || value.kind === "expression") return notEdited(value.form);
  // KCL's `+=` appends to lists only: a string after it changes nothing.
  if (spec.operation === "+=") return;
  const current = value.kind === "literal" ? value.value : spec.value;
  const ref = tryParseImageRef(current);
  const update = ref && incoming.get(ref.repository);
  if (!ref || !update) {
    // A literal holding more than an image (`"--image=..."`) is no image field; an unquoted value is the string of a whole expression.
    if (value.kind === "whole-text") notEdited("an expression (KCL reads it as the string of its whole text)");
    return;
  }
  if (ref.tag === undefined && ref.digest === undefined) return warn(bareRepositoryWarning(ref.repository));
  const next = nextReference(update, ref, warn);
  if (!next) return;
  const source = plan.file.text.slice(node.start, node.end);
  const form = scalarForm(node, source, at.inFlow);
  if (form !== undefined || !isFlowScalar(node))
    return warn(`holds ${ref.name} in a ${form}, which is not edited; write the spec as a plain or quoted one-line string`);
  // Unquoted, the name stays as written and KCL's head expression ends before its ':' or '@': the new text is read whole too.
  const written = value.kind === "literal" ? `${spec.value.slice(0, value.start)}${writeStringLiteral(next, value.style)}${spec.value.slice(value.end)}` : next;
  // The value is the spec's trimmed tail.
  const valueEnd = node.text.trimEnd().length;
  const text = `${node.text.slice(0, valueEnd - spec.value.length)}${written}${node.text.slice(valueEnd)}`;
  plan.claim(node);
  plan.addSplice(scalarSplice(plan.file, node, text, at.inFlow), { kind: "override", key, old: current, new: next, object: document.object });
}
