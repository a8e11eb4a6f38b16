/**
 * Argo CD's overrides of a source: those of an Application's source (or of each of its
 * `sources`, or of an ApplicationSet's template, also as values of the argocd-apps chart),
 * and of the parameter override file Argo CD merges into a source
 * (`.argocd-source-<app>.yaml`, which Argo CD Image Updater writes).
 * - `kustomize.images`: strings in `kustomize edit set image` form, `[name=]image`: an entry
 *   whose image is of an incoming repository gets the new tag and digest, its name and the
 *   image's name kept as written; so does `name=*:tag` (`*@digest`), which keeps the name and
 *   sets only the version, when `name` is an incoming repository.
 * - `helm.parameters`: `{name, value}` items, which Argo CD ranks above every other values
 *   (parameters > valuesObject > values > valueFiles), so a stale one would win over any
 *   edited values. Parameters sharing a name prefix are one Helm values mapping
 *   (`image.repository` or `image.name`, `image.tag`), decided as helm.ts decides values, with
 *   fields the parameters leave out read from the source's `valuesObject` as Helm merges them;
 *   a `<prefix>.image` parameter holds a whole reference.
 *   A parameter holding a bare incoming repository under a name no such rule pairs with a tag
 *   (`worker.image.repo`, as Image Updater's `helm.image-name` may give it) is named, with the
 *   parameter beside it that likely holds the tag.
 * - `helm.values` is a string, which no editor edits inside: an image there that would be
 *   edited is named in a warning instead; so is one in an ApplicationSet's `templatePatch`, or a
 *   tag it sets over a template of an incoming repository.
 * A value an ApplicationSet's generators fill in (`{{tag}}`, `{{.tag}}`) is theirs: it is named
 * in a warning, never edited (placeholder.ts).
 */
import { formatImageRef, isTag, normalizeRepository, tryParseImageRef } from "../image/reference.js";
import { byRepository, nextReference, nextVersion, renamedWarning, staleImageIn, versionOf, type ImageUpdate } from "../image/update.js";
import { tryYamlFile, type YamlDocument } from "./file.js";
import { setHelmImage, editHelmValues, type HelmField, type HelmImage } from "./helm.js";
import { editImages, setImageScalar } from "./images.js";
import { isFlowScalar, mapValue, nodeAt, scalarText, type FlowScalar, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { forEachValue } from "./walk.js";
import { hasPlaceholder, literalIndexOf, warnSubstituted } from "./placeholder.js";
import { EditPlan, type Editor } from "./plan.js";
import { escapeRegExp } from "../text/escape-regexp.js";

const ARGO_API = "argoproj.io/";

/**
 * The paths of a document's sources: an Application's `source` and each of its `sources`
 * (an ApplicationSet's under its template), or the top of a parameter override file, a
 * document without apiVersion and kind (the empty path), which may also be values of the
 * argocd-apps chart.
 */
export function sourcesOf(document: YamlDocument): PathSegment[][] {
  const { apiVersion, kind } = document.object;
  if (apiVersion === undefined && kind === undefined) return [[], ...chartSources(document.root)];
  if (!apiVersion?.startsWith(ARGO_API)) return [];
  const spec = kind === "Application" ? ["spec"] : kind === "ApplicationSet" ? ["spec", "template", "spec"] : undefined;
  return spec ? specSources(document.root, spec) : [];
}

/** The sources of the Application spec at `spec`: its `source` and each of its `sources`. */
function specSources(root: YamlNode | null, spec: readonly PathSegment[]): PathSegment[][] {
  const sources = nodeAt(root, [...spec, "sources"]);
  const many = sources?.kind === "seq" ? sources.items.map((_, i) => [...spec, "sources", i]) : [];
  return [[...spec, "source"], ...many];
}

/**
 * The sources in values of the argocd-apps Helm chart, which renders each entry of
 * `applications` as an Application spec and of `applicationsets` as an ApplicationSet spec
 * (entries by name since chart 2.0, a list before).
 */
function chartSources(root: YamlNode | null): PathSegment[][] {
  const specs: PathSegment[][] = [];
  for (const [list, spec] of [
    ["applications", []],
    ["applicationsets", ["template", "spec"]],
  ] as const) {
    const entries = nodeAt(root, [list]);
    if (entries?.kind === "map") for (const pair of entries.pairs) specs.push([list, scalarText(pair.key) ?? "", ...spec]);
    if (entries?.kind === "seq") entries.items.forEach((_, i) => specs.push([list, i, ...spec]));
  }
  return specs.flatMap((spec) => specSources(root, spec));
}

export const editArgoCdImages: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const source of sourcesOf(document)) {
      const path = [...source, "kustomize", "images"];
      const list = nodeAt(document.root, path);
      if (list?.kind !== "seq") continue;
      // In a parameter override file the list is strings only; a values file's `kustomize: {images: ...}` is not one.
      if (source.length === 0 && !list.items.every((item) => item?.kind === "scalar")) continue;
      list.items.forEach((entry, index) => {
        if (!isFlowScalar(entry) || plan.isClaimed(entry)) return;
        const eq = literalIndexOf(entry.text, "=");
        // A placeholder in the `name=` part only picks what the entry applies to: a literal version after it is the entry's own.
        if (hasPlaceholder(entry.text.slice(eq + 1))) return warnSubstituted(entry, [...path, index], incoming, plan);
        if (entry.text.startsWith("*", eq + 1)) return setKeptName(entry, eq, [...path, index], list.flow, incoming, plan, document);
        const ref = tryParseImageRef(entry.text.slice(eq + 1));
        const update = ref && incoming.get(ref.repository);
        if (!ref || !update) {
          // As in a kustomization: a mirror pinned to a tag of its own, not yet the incoming one.
          const renamed = eq > 0 ? incoming.get(normalizeRepository(entry.text.slice(0, eq)) ?? "")?.image : undefined;
          const pinned = ref !== undefined && (ref.tag !== undefined || ref.digest !== undefined);
          if (renamed && pinned && ref.tag !== renamed.tag)
            plan.warn(entry.start, `${formatPath([...path, index])} ${renamedWarning(renamed.repository, ref.name)}`);
          return;
        }
        // `name=image` with no version only renames: the tag stays the manifests' own.
        if (ref.tag === undefined && ref.digest === undefined) return;
        const key = formatPath([...path, index]);
        const next = nextReference(update, ref, (why) => plan.warn(entry.start, `${key} ${why}`));
        if (next) plan.setScalar(entry, entry.text.slice(0, eq + 1) + next, list.flow, { kind: "kustomize", key, document });
      });
    }
  }
};

/**
 * `name=*:tag`, `name=*@digest`: kustomize's `edit set image` keeps the name (`*`) and sets only
 * the version, so the entry is the incoming image's when `name` is its repository; only the
 * version after `*` is rewritten, by the same rules as a whole reference.
 */
function setKeptName(
  entry: FlowScalar,
  eq: number,
  path: readonly PathSegment[],
  inFlow: boolean,
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  document: YamlDocument,
): void {
  const name = entry.text.slice(0, eq);
  const version = entry.text.slice(eq + 2);
  const ref = eq > 0 && version !== "" ? tryParseImageRef(name + version) : undefined;
  const update = ref && ref.name === name ? incoming.get(ref.repository) : undefined;
  if (!ref || !update) return;
  const key = formatPath(path);
  const next = nextReference(update, ref, (why) => plan.warn(entry.start, `${key} ${why}`));
  if (next) plan.setScalar(entry, `${entry.text.slice(0, eq + 2)}${next.slice(name.length)}`, inFlow, { kind: "kustomize", key, document });
}

export const editArgoCdHelm: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const source of sourcesOf(document)) {
      const parameters = parametersAt(document.root, source);
      for (const [name, field] of parameters) {
        if (leafOf(name)[1] !== "image") continue;
        if (isFlowScalar(field.node) && hasPlaceholder(field.node.text)) warnSubstituted(field.node, field.path, incoming, plan);
        else setImageScalar(field, "helm", false, incoming, plan, document);
      }
      for (const image of parameterImages(parameters, document.root, source)) setHelmImage(image, incoming, plan, document);
      warnUnpairedRepositories(parameters, incoming, plan);
      if (source.length > 0) warnYamlString(document, [...source, "helm", "values"], request.images, plan, VALUES_STRING);
    }
    if (document.object.kind === "ApplicationSet" && document.object.apiVersion?.startsWith(ARGO_API))
      warnTemplatePatch(document, incoming, request.images, plan);
  }
};

const PARAMETER_KEYS = new Set(["name", "value", "forceString", "forcestring"]);

/**
 * A source's Helm parameters as [name, value field], in order. A parameter override file's
 * list counts only when every item is a parameter (a values file may have a `helm:` key).
 */
export function parametersAt(root: YamlNode | null, source: readonly PathSegment[]): [string, HelmField][] {
  const path = [...source, "helm", "parameters"];
  const list = nodeAt(root, path);
  if (list?.kind !== "seq") return [];
  const isParameter = (item: YamlNode) => item.kind === "map" && item.pairs.every((pair) => PARAMETER_KEYS.has(scalarText(pair.key) ?? ""));
  if (source.length === 0 && !list.items.every(isParameter)) return [];
  const parameters: [string, HelmField][] = [];
  list.items.forEach((item, index) => {
    if (item.kind !== "map") return;
    const name = scalarText(mapValue(item, "name"));
    const value = mapValue(item, "value");
    if (name !== undefined && value !== undefined) parameters.push([name, { node: value, path: [...path, index, "value"], inFlow: list.flow || item.flow }]);
  });
  return parameters;
}

/**
 * A parameter's name as a message quotes it: as written when it is a plain Helm path
 * (`image.tag`, `a\\.b`, `list[0].x`), else JSON-quoted, so that it cannot carry a line break or markup into a log.
 */
export function parameterName(name: string): string {
  return /^[\w.\\[\]/-]+$/.test(name) ? name : JSON.stringify(name);
}

/** `image.tag` -> [`image`, `tag`]; a dot escaped for Helm (`a\.b`) is part of a key. */
export function leafOf(name: string): [prefix: string, leaf: string] {
  for (let i = name.length - 1; i > 0; i--) if (name[i] === "." && name[i - 1] !== "\\") return [name.slice(0, i), name.slice(i + 1)];
  return ["", name];
}

/**
 * The Helm images `parameters` of a source spell, one per name prefix; a repository
 * (`registry`, `repository` or `name`) no parameter of the prefix gives is read from the
 * source's `valuesObject` at the prefix's path, as Helm merges the two.
 */
function parameterImages(parameters: readonly [string, HelmField][], root: YamlNode | null, source: readonly PathSegment[]): HelmImage[] {
  const byPrefix = new Map<string, Map<string, HelmField>>();
  for (const [name, field] of parameters) {
    const [prefix, leaf] = leafOf(name);
    const fields = byPrefix.get(prefix) ?? new Map<string, HelmField>();
    // Helm applies `--set`s in order: of a name given twice, the last one counts.
    byPrefix.set(prefix, fields.set(leaf, field));
  }
  const valuesPath = [...source, "helm", "valuesObject"];
  return [...byPrefix].map(([prefix, fields]) => {
    if (!fields.has("tag") || fields.has("repository") || fields.has("name")) return imageOf(fields);
    const keys = prefix === "" ? [] : prefix.split(".");
    const mapping = nodeAt(root, [...valuesPath, ...keys]);
    if (mapping?.kind !== "map") return imageOf(fields);
    const merged = new Map<string, HelmField>();
    for (const key of ["registry", "repository", "name"]) {
      const node = mapValue(mapping, key);
      if (node !== undefined) merged.set(key, { node, path: [...valuesPath, ...keys, key], inFlow: mapping.flow });
    }
    for (const [leaf, field] of fields) merged.set(leaf, field);
    return imageOf(merged);
  });
}

/** Leaves that hold no version beside a repository. */
const NOT_VERSIONS = new Set(["registry", "pullPolicy", "digest", "repository", "name"]);

/**
 * A parameter holding exactly an incoming repository under a name no pair rule reads
 * (`worker.image.repo`, as image-updater's `helm.image-name` annotation may name it), with
 * parameters beside it under the same prefix: its tag is one of those (`worker.image.version`),
 * which no rule moves, so Argo CD keeps deploying the old tag. Named at the repository, with the
 * override that sets the tag; a sibling named like a tag or version is the one named, when there is one.
 */
function warnUnpairedRepositories(parameters: readonly [string, HelmField][], incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const byPrefix = new Map<string, [string, HelmField][]>();
  for (const parameter of parameters) {
    const [prefix] = leafOf(parameter[0]);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), parameter]);
  }
  for (const [name, field] of parameters) {
    const node = field.node;
    if (!isFlowScalar(node) || plan.isClaimed(node)) continue;
    const ref = tryParseImageRef(node.text);
    if (!ref || ref.tag !== undefined || ref.digest !== undefined || !incoming.has(ref.repository)) continue;
    const [prefix, leaf] = leafOf(name);
    const group = byPrefix.get(prefix)!;
    // `repository` or `name` beside `tag` is a pair the Helm rule moves.
    if ((leaf === "repository" || leaf === "name") && group.some(([other]) => leafOf(other)[1] === "tag")) continue;
    // Only a sibling that reads as a tag: offering `image.pullSecret` would have its override write the version there.
    const likely = group.filter(
      ([other, f]) =>
        other !== name && !NOT_VERSIONS.has(leafOf(other)[1]) && !plan.isClaimed(f.node) && (/tag|version/i.test(leafOf(other)[1]) || holdsVersion(f.node)),
    );
    const [tagName, tagField] = likely[0] ?? [];
    if (!tagName || !tagField || !isFlowScalar(tagField.node)) continue;
    // A tag the generator fills in is said at itself; one at the incoming tag, or that its policy keeps, needs nothing.
    if (hasPlaceholder(tagField.node.text) || nextVersion(incoming.get(ref.repository)!, versionOf(tagField.node.text, undefined)) === undefined) continue;
    const which =
      likely.length === 1
        ? `parameter ${parameterName(tagName)} beside it likely holds its tag`
        : `one of the parameters ${likely.map(([n]) => parameterName(n)).join(", ")} beside it likely holds its tag`;
    plan.warn(
      node.start,
      `${formatPath(field.path)} (parameter ${parameterName(name)}) holds ${ref.repository} with no tag, under a name no rule pairs with a tag; ${which}, and it was not moved: ${overrideAdvice(formatPath(tagField.path), ref.repository)}`,
    );
  }
}

/** A value that reads as a version (`1.4.0`, `v2.1`), not a port (`8080`) or a secret's name. */
function holdsVersion(node: YamlNode | null): boolean {
  return isFlowScalar(node) && isTag(node.text) && /^v?\d+\.\d/.test(node.text);
}

const ADVICE = "set it with an overrides: entry in the configuration (spec: ";

/** The end of a warning that a Helm parameter holding a tag was not moved: the override that sets it. */
export function overrideAdvice(key: string, repository: string): string {
  return `${ADVICE}${key}, image: ${repository}, part: tag)`;
}

/** The field a warning ending in overrideAdvice says an override should set, so that an override naming it answers the warning; undefined for any other warning. */
export function advisedOverrideOf(message: string): string | undefined {
  const at = message.lastIndexOf(ADVICE);
  return at < 0 ? undefined : message.slice(at + ADVICE.length, message.indexOf(", image: ", at));
}

function imageOf(fields: ReadonlyMap<string, HelmField>): HelmImage {
  return { repository: fields.get("repository") ?? fields.get("name"), registry: fields.get("registry"), tag: fields.get("tag"), digest: fields.get("digest") };
}

/** A YAML text held in a string, which no editor edits inside: how to read it, and what its warning advises instead. */
interface YamlString {
  /** Read before the text to make it a whole document: a templatePatch patches an Application. */
  readonly header: string;
  readonly editors: readonly Editor[];
  readonly instead: string;
}

const VALUES_STRING: YamlString = {
  header: "",
  editors: [editImages, editHelmValues],
  instead: "give those values in valuesObject or a values file instead, where they are edited",
};

const TEMPLATE_PATCH: YamlString = {
  header: "apiVersion: argoproj.io/v1alpha1\nkind: Application\n",
  editors: [editImages, editHelmValues, editArgoCdImages, editArgoCdHelm],
  instead: "set those values in the template, where they are edited, or from the generator's parameters",
};

/**
 * Warns when the string at `path` is YAML holding image fields the editors would set, were they
 * not in a string (a source's `helm.values`, an ApplicationSet's `templatePatch`); true when it did.
 */
function warnYamlString(document: YamlDocument, path: readonly PathSegment[], images: readonly ImageUpdate[], plan: EditPlan, kind: YamlString): boolean {
  const values = nodeAt(document.root, path);
  if (values?.kind !== "scalar" || values.text === "") return false;
  const inner = tryYamlFile(kind.header + values.text);
  if (!inner) return false;
  const dryRun = new EditPlan(inner);
  for (const editor of kind.editors) editor(inner, { images, setters: new Map() }, dryRun);
  const keys = dryRun.result().changes.map((change) => change.key);
  if (keys.length === 0) return false;
  plan.warn(
    values.start,
    `${formatPath(path)} is a string, which is not edited: ${keys.join(", ")} in it keeps its old image; ${kind.instead} (--set can only replace the whole string)`,
  );
  return true;
}

/**
 * An ApplicationSet's `templatePatch`, Go-template text Argo CD applies over the template of every
 * app it makes: named as a `helm.values` string is when it holds image fields the editors would
 * set; else when it sets the tag of the template's incoming repository (the parameter or
 * valuesObject `tag` beside the template's repository field) at another version, as that tag
 * wins over whatever the template's own fields get. A tag the generator fills in is named at the
 * generator's element holding a version to move, when the placeholder is a plain name.
 */
function warnTemplatePatch(document: YamlDocument, incoming: ReadonlyMap<string, ImageUpdate>, images: readonly ImageUpdate[], plan: EditPlan): void {
  const path = ["spec", "templatePatch"];
  const patch = nodeAt(document.root, path);
  if (patch?.kind !== "scalar") return;
  if (warnYamlString(document, path, images, plan, TEMPLATE_PATCH)) return;
  // Go template actions (`{{- if … }}`) may make it no YAML: an old reference in its text is named all the same.
  const stale = staleImageIn(patch.text, incoming);
  if (stale)
    return plan.warn(
      patch.start,
      `${formatPath(path)} is a string, which is not edited: ${formatImageRef(stale)} in it keeps its old image; ${TEMPLATE_PATCH.instead} (--set can only replace the whole string)`,
    );
  // Screened by bytes before anything is parsed.
  if (!patch.text.includes("tag")) return;
  const held = templateRepository(document.root, incoming);
  const tag = held && patchedTag(patch.text, held.prefix);
  if (!held || !tag) return;
  const update = incoming.get(held.repository)!;
  if (!hasPlaceholder(tag.value)) {
    if (nextVersion(update, versionOf(tag.value, undefined)) === undefined) return;
    return plan.warn(
      patch.start,
      `${formatPath(path)} is a string, which is not edited: its ${tag.what} sets a version over the template of ${held.repository} for every app its generator makes; set it in the template, where it is edited, or from the generator's parameters`,
    );
  }
  const element = staleElement(document.root, tag.value, update);
  if (element)
    plan.warn(
      patch.start,
      `${formatPath(path)}: its ${tag.what} sets the version of ${held.repository} from the generator's elements, which are not edited: ${formatPath(element.path)} holds ${element.value}; set it there`,
    );
}

/** The template's first incoming repository, as a whole reference or a bare repository, and the Helm name prefix of its field (`image` for `valuesObject.image.repository` or a parameter `image.repository`). */
function templateRepository(root: YamlNode | null, incoming: ReadonlyMap<string, ImageUpdate>): { repository: string; prefix?: string } | undefined {
  const template = nodeAt(root, ["spec", "template"]);
  let found: { repository: string; prefix?: string } | undefined;
  forEachValue(template ?? null, ({ node, path }) => {
    const ref = found === undefined && isFlowScalar(node) ? tryParseImageRef(node.text) : undefined;
    if (ref && incoming.has(ref.repository)) found = { repository: ref.repository, ...prefixOf(template ?? null, path) };
  });
  return found;
}

/** The Helm name prefix of a repository field at `path`: under `helm.valuesObject`, or a parameter's value. */
function prefixOf(template: YamlNode | null, path: readonly PathSegment[]): { prefix?: string } {
  const values = path.indexOf("valuesObject");
  if (values > 0 && path[values - 1] === "helm" && ["repository", "name"].includes(String(path.at(-1))))
    return { prefix: path.slice(values + 1, -1).join(".") };
  const item = path.at(-1) === "value" && path.at(-3) === "parameters" ? nodeAt(template, path.slice(0, -1)) : undefined;
  const name = item?.kind === "map" ? scalarText(mapValue(item, "name")) : undefined;
  const [prefix, leaf] = name === undefined ? [] : leafOf(name);
  return leaf === "repository" || leaf === "name" ? { prefix } : {};
}

/**
 * The tag a patch sets under `prefix`: a parameter `<prefix>.tag`, or `tag` under the prefix in
 * valuesObject. A patch Go actions make no YAML is read by its lines: such a parameter's
 * `value:`, or a `tag:` key's value.
 */
function patchedTag(text: string, prefix: string | undefined): { what: string; value: string } | undefined {
  if (prefix === undefined) return undefined;
  const name = prefix === "" ? "tag" : `${prefix}.tag`;
  const document = tryYamlFile(TEMPLATE_PATCH.header + text)?.documents[0];
  if (document) {
    for (const source of sourcesOf(document)) {
      const parameter = parametersAt(document.root, source).findLast(([other]) => other === name)?.[1].node;
      if (isFlowScalar(parameter)) return { what: `parameter ${parameterName(name)}`, value: parameter.text };
      const values = nodeAt(document.root, [...source, "helm", "valuesObject", ...(prefix === "" ? [] : prefix.split(".")), "tag"]);
      if (isFlowScalar(values)) return { what: "tag: key", value: values.text };
    }
    return undefined;
  }
  const parameter = new RegExp(`name\\s*:\\s*["']?${escapeRegExp(name)}["']?\\s*[,\\n][^]*?value\\s*:\\s*(["']?)([^"'\\s,}#]*)\\1`).exec(text);
  if (parameter) return { what: `parameter ${parameterName(name)}`, value: parameter[2]! };
  const key = /^\s*tag\s*:\s*(["']?)([^"'\s,}#]*)\1/m.exec(text);
  return key ? { what: "tag: key", value: key[2]! } : undefined;
}

/**
 * The first list generator element whose value a plain placeholder (`{{ .imageTag }}`,
 * `{{imageTag}}`) reads that holds a version the update moves.
 */
function staleElement(root: YamlNode | null, placeholder: string, update: ImageUpdate): { path: PathSegment[]; value: string } | undefined {
  const name = /^\{\{-?\s*\.?([\w-]+)\s*-?\}\}$/.exec(placeholder.trim())?.[1];
  const generators = nodeAt(root, ["spec", "generators"]);
  if (name === undefined || generators?.kind !== "seq") return undefined;
  for (let g = 0; g < generators.items.length; g++) {
    const elements = nodeAt(generators.items[g]!, ["list", "elements"]);
    if (elements?.kind !== "seq") continue;
    for (let e = 0; e < elements.items.length; e++) {
      const value = nodeAt(elements.items[e]!, [name]);
      if (isFlowScalar(value) && nextVersion(update, versionOf(value.text, undefined)) !== undefined)
        return { path: ["spec", "generators", g, "list", "elements", e, name], value: value.text };
    }
  }
  return undefined;
}
