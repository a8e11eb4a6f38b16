/**
 * What `--create` must not write: keys that still parse as YAML but give a field a shape the tool reading the file
 * refuses. kustomize reads a kustomization into its Kustomization type and refuses a field of another shape
 * (`images: {newTag: 1.3.0}`: "cannot unmarshal object into Go struct field Kustomization.images of type
 * []types.Image") or a field it does not know ("unknown field"); the API server reads a pod spec's containers, and
 * other lists of a pod spec or a container, as lists. Create adds mapping keys only (never a list item), so a list field it
 * would add is refused, with what to write instead.
 */
import { byFlag, givenValue, type FieldNamer } from "../field-name.js";
import { isFluxKustomization } from "./api-groups.js";
import type { YamlDocument } from "./file.js";
import { CONTAINER_LISTS, inContainerSpec } from "./images.js";
import { isKustomization } from "./kustomize.js";
import { formatPath, type PathSegment } from "./path.js";

/** How kustomize's Kustomization type (kubectl kustomize v5.5.0) reads a top-level field. */
type Shape = "list" | "string" | "mapping" | "strings";

const KUSTOMIZATION_SHAPES = new Map<string, Shape>([
  ...["apiVersion", "kind", "namePrefix", "nameSuffix", "namespace"].map((key) => [key, "string"] as const),
  ...["metadata", "helmGlobals", "generatorOptions", "inventory", "sortOptions"].map((key) => [key, "mapping"] as const),
  // map[string]string: a key under them holds a string, not a mapping.
  ...["openapi", "commonLabels", "commonAnnotations"].map((key) => [key, "strings"] as const),
  ...[
    "resources",
    "components",
    "crds",
    "bases",
    "images",
    "replicas",
    "patches",
    "patchesStrategicMerge",
    "patchesJson6902",
    "replacements",
    "vars",
    "labels",
    "configMapGenerator",
    "secretGenerator",
    "helmCharts",
    "helmChartInflationGenerator",
    "configurations",
    "generators",
    "transformers",
    "validators",
    "buildMetadata",
  ].map((key) => [key, "list"] as const),
]);

/** What a list field's item holds, for the advice on writing one by hand. */
const ITEM_EXAMPLES: Readonly<Record<string, string>> = {
  images: "{name: IMAGE, newTag: TAG}",
  replicas: "{name: NAME, count: N}",
  patches: "{path: FILE}",
  labels: "{pairs: {KEY: VALUE}}",
};

/**
 * A list field of a Kubernetes pod spec or container (core/v1 PodSpec, Container) that a --set plausibly reaches on the
 * way to or beside an image: what it lists, an item written by hand, and the field of an item to set by index
 * (undefined: the rest of the path as given, any field of a container; "": the item itself, a string).
 */
interface PodList {
  readonly in: "pod spec" | "container";
  readonly items: string;
  readonly item: string;
  readonly example: string;
  readonly field?: string;
}

const POD_LISTS = new Map<string, PodList>([
  ...[...CONTAINER_LISTS].map((key) => [key, { in: "pod spec", items: "containers", item: "container", example: "{name: NAME, image: IMAGE}" }] as const),
  ["imagePullSecrets", { in: "pod spec", items: "secrets to pull images with", item: "secret", example: "{name: SECRET}", field: "name" }],
  ["volumes", { in: "pod spec", items: "volumes", item: "volume", example: "{name: NAME, configMap: {name: CONFIGMAP}}", field: "name" }],
  ["tolerations", { in: "pod spec", items: "tolerations", item: "toleration", example: "{key: KEY, operator: Exists}", field: "key" }],
  ["env", { in: "container", items: "environment variables", item: "variable", example: "{name: NAME, value: VALUE}", field: "value" }],
  [
    "envFrom",
    { in: "container", items: "sources of environment variables", item: "source", example: "{configMapRef: {name: CONFIGMAP}}", field: "configMapRef.name" },
  ],
  ["ports", { in: "container", items: "ports", item: "port", example: "{containerPort: PORT}", field: "containerPort" }],
  ["volumeMounts", { in: "container", items: "volume mounts", item: "mount", example: "{name: VOLUME, mountPath: PATH}", field: "mountPath" }],
  ["args", { in: "container", items: "strings", item: "argument", example: "ARG", field: "" }],
  ["command", { in: "container", items: "strings", item: "command", example: "COMMAND", field: "" }],
]);

/**
 * Where a core workload kind holds its pod spec. Elsewhere a key named `spec` is any resource's: a custom resource may
 * define its own `spec.volumes` as a mapping, which its API server takes.
 */
const POD_SPECS = new Map<string, string>([
  ["Pod", "spec"],
  ...["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"].map((kind) => [kind, "spec.template.spec"] as const),
  ["CronJob", "spec.jobTemplate.spec.template.spec"],
]);

/** Whether `at` is a pod spec in a document of `kind`: its workload's, or in another kind a pod template's (`…template.spec`). */
function isPodSpec(kind: string, at: readonly PathSegment[]): boolean {
  const known = POD_SPECS.get(kind);
  if (known !== undefined) return formatPath(at) === known;
  return at.length >= 2 && at[at.length - 2] === "template" && at[at.length - 1] === "spec";
}

/** Keys that name an image's fields, which a kustomization holds only in an `images:` entry. */
const IMAGE_WORDS = new Set(["image", "newName", "newTag", "digest", "tag"]);

/**
 * Why creating `path` from `from` (the first key create adds a value for: a missing key, or the key whose null it
 * fills) would write a field of `document` its reader refuses; undefined where it would not. `file` (a path or a
 * name) tells a kustomization without apiVersion and kind, as kustomize's file names do.
 */
export function createdShapeError(
  document: YamlDocument,
  file: string | undefined,
  path: readonly PathSegment[],
  from: number,
  fieldName: FieldNamer = byFlag,
): string | undefined {
  const kustomization = kustomizeReads(document, file);
  for (let i = from; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== "string") return undefined;
    const created = i < path.length - 1 ? "mapping" : "value";
    const what = `${created === "mapping" ? "as a mapping" : "as a single value"} (${createdText(path.slice(i))})`;
    if (kustomization && i <= 1) {
      const top = String(path[0]);
      const shape = KUSTOMIZATION_SHAPES.get(top);
      if (i === 0 && shape === undefined) {
        const image = IMAGE_WORDS.has(top) ? `; an image's ${top} is an images: entry's field: ${listAdvice("images", fieldName)}` : "";
        return `kustomize reads no field '${top}' in a kustomization and refuses one it does not know (unknown field "${top}"), so it is not created${image}`;
      }
      const refused =
        i === 0
          ? shape === "list" || (shape === "string" && created === "mapping") || ((shape === "mapping" || shape === "strings") && created === "value")
          : shape === "strings" && created === "mapping";
      if (refused)
        return `${kustomizeRefuses(formatPath(path.slice(0, i + 1)), i === 0 ? shape! : "string", what)}${i === 0 && shape === "list" ? `; ${listAdvice(top, fieldName)}` : ""}`;
    }
    // A container is one of a pod spec's lists' items (`containers[0]`), as an image's is.
    const list = POD_LISTS.get(key);
    const kind = document.object.kind;
    const holder = list?.in === "pod spec" ? path.slice(0, i) : inContainerSpec(path.slice(0, i + 1)) !== false ? path.slice(0, i - 2) : undefined;
    if (list && holder && kind !== undefined && !kustomization && isPodSpec(kind, holder)) {
      const at = formatPath(path.slice(0, i + 1));
      const index = list.field === undefined ? formatRest(path.slice(i + 1)) : list.field === "" ? "" : `.${list.field}`;
      return (
        `${at} is a list of ${list.items} in a Kubernetes ${document.object.kind} (a ${list.in}'s), which the API server refuses as anything else, so it is not created ${what}; ` +
        `write the ${list.item} by hand (${key}: [${list.example}]), or set one it holds by index (${at}[0]${index})`
      );
    }
  }
  return undefined;
}

/**
 * Why kustomize reads the field at `path` as a string whatever its text, where it does: a string field (`namespace`) or a
 * key of a map[string]string (`commonLabels.app`, a `labels` entry's `pairs.app`), where `app: 3` fails the build
 * ("cannot unmarshal number into Go struct field Kustomization.commonLabels of type string"). Undefined elsewhere.
 */
export function kustomizeString(document: YamlDocument, file: string | undefined, path: readonly PathSegment[]): string | undefined {
  if (!kustomizeReads(document, file)) return undefined;
  const top = path[0];
  const shape = typeof top === "string" ? KUSTOMIZATION_SHAPES.get(top) : undefined;
  const pairs = top === "labels" && typeof path[1] === "number" && path[2] === "pairs" && path.length === 4;
  const string = (shape === "string" && path.length === 1) || (shape === "strings" && path.length === 2) || pairs;
  return string ? `kustomize reads ${formatPath(path)} in a kustomization as a string` : undefined;
}

/** Whether kustomize reads `document` into its Kustomization type: a kustomization, not a Flux Kustomization, whose fields are its spec's. */
function kustomizeReads(document: YamlDocument, file: string | undefined): boolean {
  return isKustomization(document, file) && !isFluxKustomization(document.object);
}

/** `newTag: 1.3.0`, `{newTag: …}`: what create would have written from a key, to show it, without the value. */
function createdText(path: readonly PathSegment[]): string {
  return path.length === 1 ? `${String(path[0])}: …` : `${String(path[0])}: {${createdText(path.slice(1))}}`;
}

/** The rest of a path after an index, `.image`. */
function formatRest(rest: readonly PathSegment[]): string {
  return rest.length === 0 ? "" : `.${formatPath(rest)}`;
}

function kustomizeRefuses(at: string, shape: Shape, what: string): string {
  const reads = { list: "a list", string: "a string", mapping: "a mapping", strings: "a mapping of strings" }[shape];
  return `kustomize reads ${at} in a kustomization as ${reads} and refuses the file with it written ${what}, so it is not created`;
}

/**
 * Why a path through a list item is not created, and what to write instead: create adds mapping keys, never a list
 * item (`images[0].newTag` where there is no `images`, or no item 0). Undefined for a path through no index.
 */
export function noListItem(
  document: YamlDocument,
  file: string | undefined,
  path: readonly PathSegment[],
  from: number,
  fieldName: FieldNamer = byFlag,
): string | undefined {
  const index = path.findIndex((segment, i) => i >= from && typeof segment === "number");
  if (index < 0) return undefined;
  const list = path[index - 1];
  const kustomization = index === 1 && kustomizeReads(document, file);
  const create = fieldName("create", undefined, true);
  if (kustomization && typeof list === "string" && KUSTOMIZATION_SHAPES.get(list) === "list")
    return `${create} adds no list item: ${listAdvice(list, fieldName)}`;
  const at = formatPath(path.slice(0, index));
  return `${create} adds no list item: write the item of ${at === "" ? "the document" : at} by hand, then set its field by index`;
}

/**
 * What to write instead of creating a kustomization's list field or item: an image's entry is the one kustomize's own
 * edit adds, which `--image` then moves by its name.
 */
function listAdvice(field: string, fieldName: FieldNamer): string {
  const example = ITEM_EXAMPLES[field] ?? "ITEM";
  if (field !== "images") return `write the list by hand (${field}: [${example}]), then set an item it holds by index (${field}[0]…)`;
  return (
    `add the entry with kustomize edit set image NAME=NEW_NAME:TAG in the kustomization's directory, or by hand (images: [${example}]); ` +
    `then ${givenValue(fieldName, "image", "NEW_NAME:TAG")} moves it, as does the path images[0].newTag`
  );
}
