/**
 * YAML held in a string of an Argo CD source, which no editor edits inside: a source's
 * `helm.values`, and an ApplicationSet's `templatePatch`, Go-template text applied over the
 * template of every app it makes. Image fields in it the editors would set, an old reference
 * in its text, or a tag it sets over the template's incoming repository are named instead.
 */
import type { FieldNamer } from "../field-name.js";
import { formatImageRef, tryParseImageRef } from "../image/reference.js";
import { nextVersion, staleImageIn, versionOf, type ImageUpdate } from "../image/update.js";
import { ARGO } from "./api-groups.js";
import { tryYamlFile, type YamlDocument } from "./file.js";
import { notEdited, VALUES_EDITORS, warnYamlString, type StringRequest, type YamlString } from "./values-strings.js";
import { isFlowScalar, mapValue, nodeAt, scalarText, type YamlNode } from "./node.js";
import { formatPath, samePath, type PathSegment } from "./path.js";
import { forEachValue } from "./walk.js";
import { elementsHolding, hasPlaceholder, staleElements } from "./placeholder.js";
import type { EditPlan, Editor } from "./plan.js";
import { helmKeys, leafOf, parameterName, parametersAt, sourcesOf, valuesObjectAt } from "./argocd-parameters.js";

const VALUES_STRING: YamlString = {
  header: "",
  editors: VALUES_EDITORS,
  instead: "give those values in valuesObject or a values file instead, where they are edited",
};

/** Its editors are those of values and those of an Application (given by the caller, which holds them). */
const TEMPLATE_PATCH: YamlString = {
  header: `apiVersion: ${ARGO}v1alpha1\nkind: Application\n`,
  editors: VALUES_EDITORS,
  instead: "set those values in the template, where they are edited, or from the generator's parameters",
};

/** A source's `helm.values` string, named when it holds image fields the editors would set. */
export function warnValuesString(document: YamlDocument, source: readonly PathSegment[], request: StringRequest, plan: EditPlan): void {
  warnYamlString(document, [...source, "helm", "values"], request, plan, VALUES_STRING);
}

/** That a source's `helm.values` string at `path` is not edited, though `what` in it sets what the editors would move elsewhere. */
export function valuesStringNotEdited(path: readonly PathSegment[], what: string, fieldName?: FieldNamer): string {
  return notEdited(path, what, VALUES_STRING.instead, fieldName);
}

/**
 * An ApplicationSet's `templatePatch`, Go-template text Argo CD applies over the template of every
 * app it makes: named as a `helm.values` string is when it holds image fields the editors would
 * set; else when it sets the tag of the template's incoming repository (the parameter or
 * valuesObject `tag` beside the template's repository field) at another version, as that tag
 * wins over whatever the template's own fields get. A tag the generator fills in is named at the
 * generator's elements holding a version to move, when the placeholder is a plain name.
 */
export function warnTemplatePatch(
  document: YamlDocument,
  incoming: ReadonlyMap<string, ImageUpdate>,
  request: StringRequest,
  plan: EditPlan,
  argoEditors: readonly Editor[],
): void {
  const path = ["spec", "templatePatch"];
  const patch = nodeAt(document.root, path);
  if (patch?.kind !== "scalar") return;
  if (warnYamlString(document, path, request, plan, { ...TEMPLATE_PATCH, editors: [...TEMPLATE_PATCH.editors, ...argoEditors] })) return;
  // Go template actions (`{{- if … }}`) may make it no YAML: an old reference in its text is named all the same.
  const stale = staleImageIn(patch.text, incoming);
  if (stale) return plan.warn(patch.start, notEdited(path, formatImageRef(stale), TEMPLATE_PATCH.instead, request.fieldName));
  // Screened by bytes before anything is parsed.
  if (!patch.text.includes("tag")) return;
  const held = templateRepository(document.root, incoming);
  const tag = held && patchedTag(patch.text, held.keys);
  if (!held || !tag) return;
  const update = incoming.get(held.repository)!;
  if (!hasPlaceholder(tag.value)) {
    if (nextVersion(update, versionOf(tag.value, undefined)) === undefined) return;
    return plan.warn(
      patch.start,
      `${formatPath(path)} is a string, which is not edited: its ${tag.what} sets a version over the template of ${held.repository} for every app its generator makes; set it in the template, where it is edited, or from the generator's parameters`,
    );
  }
  const elements = staleElements(document.root, tag.value, "tag", update);
  if (elements?.length)
    plan.warn(
      patch.start,
      `${formatPath(path)}: its ${tag.what} sets the version of ${held.repository} from the generator's elements, which are not edited: ${elementsHolding(elements)}; set it there`,
    );
}

/**
 * The template's first incoming repository, as a whole reference or a bare repository, and the values keys of its field's
 * mapping (`[image]` for `valuesObject.image.repository` or a parameter `image.repository`).
 */
function templateRepository(root: YamlNode | null, incoming: ReadonlyMap<string, ImageUpdate>): { repository: string; keys?: PathSegment[] } | undefined {
  const template = nodeAt(root, ["spec", "template"]);
  let found: { repository: string; keys?: PathSegment[] } | undefined;
  forEachValue(template ?? null, ({ node, path }) => {
    const ref = found === undefined && isFlowScalar(node) ? tryParseImageRef(node.text) : undefined;
    if (ref && incoming.has(ref.repository)) found = { repository: ref.repository, ...prefixOf(template ?? null, path) };
  });
  return found;
}

/**
 * The values keys of a repository field's mapping at `path`: under `helm.valuesObject` its keys as written, or a parameter's
 * name read as Helm's --set reads it (helmKeys), so that `worker.v2: {image: …}` and `worker\.v2.image.repository` agree.
 */
function prefixOf(template: YamlNode | null, path: readonly PathSegment[]): { keys?: PathSegment[] } {
  const values = path.indexOf("valuesObject");
  if (values > 0 && path[values - 1] === "helm" && ["repository", "name"].includes(String(path.at(-1)))) return { keys: path.slice(values + 1, -1) };
  const item = path.at(-1) === "value" && path.at(-3) === "parameters" ? nodeAt(template, path.slice(0, -1)) : undefined;
  const name = item?.kind === "map" ? scalarText(mapValue(item, "name")) : undefined;
  const [prefix, leaf] = name === undefined ? [] : leafOf(name);
  return leaf === "repository" || leaf === "name" ? { keys: helmKeys(prefix!) } : {};
}

/**
 * The tag a patch sets in the mapping at `keys`: a parameter whose name helmKeys reads as `<keys>.tag`, or `tag` there in
 * valuesObject. A patch Go actions make no YAML is read by its lines: such a parameter's `value:`, or a `tag:` key's value.
 */
function patchedTag(text: string, keys: readonly PathSegment[] | undefined): { what: string; value: string } | undefined {
  if (keys === undefined) return undefined;
  const tag = [...keys, "tag"];
  const isTag = (name: string) => samePath(helmKeys(name), tag);
  const file = tryYamlFile(TEMPLATE_PATCH.header + text);
  const document = file?.documents[0];
  if (file && document) {
    for (const source of sourcesOf(document)) {
      const [name, parameter] = parametersAt(document.root, source).findLast(([other]) => isTag(other)) ?? [];
      if (name !== undefined && isFlowScalar(parameter?.node)) return { what: `parameter ${parameterName(name)}`, value: parameter.node.text };
      const values = valuesObjectAt(file, document.root, source, keys)?.("tag")?.node;
      if (isFlowScalar(values)) return { what: "tag: key", value: values.text };
    }
    return undefined;
  }
  const named = [...text.matchAll(/name\s*:\s*(["']?)([^"'\s,}#]+)\1\s*[,\n]/g)].find((found) => isTag(found[2]!));
  const value = named && /^[^]*?value\s*:\s*(["']?)([^"'\s,}#]*)\1/.exec(text.slice(named.index + named[0].length));
  if (named && value) return { what: `parameter ${parameterName(named[2]!)}`, value: value[2]! };
  const key = /^\s*tag\s*:\s*(["']?)([^"'\s,}#]*)\1/m.exec(text);
  return key ? { what: "tag: key", value: key[2]! } : undefined;
}
