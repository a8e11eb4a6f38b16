/**
 * Helm values the editors cannot reach: YAML held in a string (an Argo CD source's `helm.values`, an
 * ApplicationSet's `templatePatch`, a ConfigMap's `data` or a Secret's `stringData` entry such as the
 * `values.yaml` a Flux HelmRelease's `valuesFrom` reads, a k3s HelmChart's `spec.valuesContent`), and a
 * k3s HelmChart's `spec.set`, whose keys are Helm `--set` paths (`image.tag`). An image field in them
 * that the editors would set, were it written as values, is named in a warning with what to do
 * instead, and with the image and lines it is about, so that no reference left behind there
 * (engine/left-behind.ts) is said again as sitting where no rule edits it.
 */
import type { FullEditRequest } from "../change.js";
import { byFlag, type FieldNamer } from "../field-name.js";
import { tryParseImageRef } from "../image/reference.js";
import { byRepository, nextVersion, versionOf } from "../image/update.js";
import { HELM_CATTLE, inGroup } from "./api-groups.js";
import { overrideAdvice } from "./argocd-unpaired.js";
import { leafOf } from "./argocd-parameters.js";
import { tryYamlFile, type YamlDocument } from "./file.js";
import { editHelmValues } from "./helm.js";
import { editImages } from "./images.js";
import { isFlowScalar, nodeAt, scalarText, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { EditPlan, type Editor } from "./plan.js";

/** A YAML text held in a string, which no editor edits inside: how to read it, and what its warning advises instead. */
export interface YamlString {
  /** Read before the text to make it a whole document: a templatePatch patches an Application. */
  readonly header: string;
  readonly editors: readonly Editor[];
  readonly instead: string;
}

/** Helm values: the image strings and pairs in them. */
export const VALUES_EDITORS: readonly Editor[] = [editImages, editHelmValues];

/** What the warnings here read of the edit request: its images, how to name a set (`--set`, `input set`), and the file. */
export type StringRequest = Pick<FullEditRequest, "images" | "fieldName" | "file">;

/** That a string at `path`, which holds `what`, is not edited, and what to do instead: one sentence for every such string. */
export function notEdited(path: readonly PathSegment[], what: string, instead: string, fieldName: FieldNamer = byFlag): string {
  return `${formatPath(path)} is a string, which is not edited: ${what} in it keeps its old image; ${instead} (${fieldName("set")} can only replace the whole string)`;
}

/**
 * Warns when the string at `path` is YAML holding image fields the editors would set, were they not in
 * a string, once for each image it holds so; true when it did.
 */
export function warnYamlString(document: YamlDocument, path: readonly PathSegment[], request: StringRequest, plan: EditPlan, kind: YamlString): boolean {
  const values = nodeAt(document.root, path);
  if (values?.kind !== "scalar" || values.text === "") return false;
  // Screened by bytes before anything is parsed: a pair spells at least its repository's last part (a dashboard's JSON seldom does).
  const images = request.images.filter(({ image }) => values.text.includes(image.repository.slice(image.repository.lastIndexOf("/") + 1)));
  if (images.length === 0) return false;
  const inner = tryYamlFile(kind.header + values.text);
  if (!inner) return false;
  // Every line of the string: a reference in it is said here, whichever line of the file it sits on.
  const [first, last] = [plan.file.lineAt(values.start), plan.file.lineAt(values.end)];
  const lines = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  let warned = false;
  for (const update of images) {
    const dryRun = new EditPlan(inner);
    for (const editor of kind.editors) editor(inner, { images: [update], setters: new Map() }, dryRun);
    const keys = dryRun.result().changes.map((change) => change.key);
    if (keys.length === 0) continue;
    plan.warn(values.start, notEdited(path, keys.join(", "), kind.instead, request.fieldName), undefined, {
      reason: "unmoved",
      image: update.image.repository,
      lines,
    });
    warned = true;
  }
  return warned;
}

/** Where objects other than Argo CD's hold Helm values in a string, and what to do instead. */
const VALUES_HOLDERS: readonly {
  readonly holds: (document: YamlDocument) => boolean;
  readonly strings: (document: YamlDocument) => PathSegment[][];
  readonly kind: YamlString;
  /** What else of the object holds values in a way no rule reads. */
  readonly also?: (document: YamlDocument, request: StringRequest, plan: EditPlan) => void;
}[] = [
  {
    holds: ({ object }) => object.apiVersion === "v1" && (object.kind === "ConfigMap" || object.kind === "Secret"),
    strings: ({ root, object }) => keysOf(root, object.kind === "Secret" ? "stringData" : "data"),
    kind: { header: "", editors: VALUES_EDITORS, instead: "give those values where they are edited (a HelmRelease's spec.values, a values file)" },
  },
  {
    holds: ({ object }) => inGroup(object.apiVersion, HELM_CATTLE) && (object.kind === "HelmChart" || object.kind === "HelmChartConfig"),
    strings: () => [["spec", "valuesContent"]],
    kind: { header: "", editors: VALUES_EDITORS, instead: "change it by hand: no field of a HelmChart is edited" },
    also: warnSetPairs,
  },
];

/** The path of each entry of the mapping at `field`. */
function keysOf(root: YamlNode | null, field: string): PathSegment[][] {
  const map = nodeAt(root, [field]);
  return map?.kind === "map" ? map.pairs.flatMap((pair) => (pair.key.kind === "scalar" ? [[field, pair.key.text]] : [])) : [];
}

/** Helm values in a ConfigMap's or Secret's entries and in a k3s HelmChart's valuesContent, and a HelmChart's `spec.set` pairs. */
export const warnValuesStrings: Editor = (file, request, plan) => {
  if (request.images.length === 0) return;
  for (const document of file.documents) {
    const holder = VALUES_HOLDERS.find(({ holds }) => holds(document));
    if (!holder) continue;
    for (const path of holder.strings(document)) warnYamlString(document, path, request, plan, holder.kind);
    holder.also?.(document, request, plan);
  }
};

/**
 * A k3s HelmChart's `spec.set` (`image.repository: ghcr.io/acme/app`, `image.tag: "1.0.0"`): Helm --set keys,
 * which no rule reads as a values pair. A tag (or digest) beside an incoming repository (with its `registry`)
 * at another version is named, with the override that sets it.
 */
function warnSetPairs(document: YamlDocument, request: StringRequest, plan: EditPlan): void {
  const set = nodeAt(document.root, ["spec", "set"]);
  if (set?.kind !== "map") return;
  const incoming = byRepository(request.images);
  const byKey = new Map(set.pairs.flatMap((pair) => (pair.key.kind === "scalar" ? [[pair.key.text, pair.value] as const] : [])));
  const text = (key: string) => {
    const node = byKey.get(key);
    return isFlowScalar(node) ? scalarText(node) : undefined;
  };
  for (const [key, node] of byKey) {
    const [prefix, leaf] = leafOf(key);
    const repository = leaf === "repository" ? text(key) : undefined;
    const at = (name: string) => (prefix === "" ? name : `${prefix}.${name}`);
    const registry = text(at("registry"));
    const written = repository && (registry ? `${registry}/${repository}` : repository);
    const ref = written && tryParseImageRef(written);
    const update = ref && incoming.get(ref.repository);
    const tagKey = at("tag");
    const tag = byKey.get(tagKey);
    if (!update || !node || !isFlowScalar(tag) || nextVersion(update, versionOf(text(tagKey), text(at("digest")))) === undefined) continue;
    const tagPath = formatPath(["spec", "set", tagKey]);
    const { advice, about } = overrideAdvice(tagPath, update.image.repository, { ...(request.file && { file: request.file }), part: "tag", subject: tagPath });
    plan.warn(
      tag.start,
      `${tagPath} sets the tag of ${written} (${formatPath(["spec", "set", key])}) as a Helm --set key, which no rule reads as a pair: it keeps ${tag.text}; ${advice}`,
      undefined,
      { ...about, image: update.image.repository, lines: [plan.file.lineAt(node.start)] },
    );
  }
}
