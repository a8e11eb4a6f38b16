/**
 * Values filled in after this tool, where a placeholder in them is replaced: Flux's postBuild
 * substitution (`${VAR}`, `${VAR:=default}`) and templates (`{{tag}}`, `{{.tag}}`, most often
 * an Argo CD ApplicationSet's generator parameters). Their version is set where the placeholder
 * is filled in, so such a field is never edited: a warning names its placeholders and where to
 * set the version instead; a `--set` of the field answers that warning (its `about`, overrides.ts).
 */
import type { WarningAbout } from "../change.js";
import { formatImageRef, isDigest, isTag } from "../image/reference.js";
import { nextVersion, staleImageIn, versionOf, type ImageUpdate } from "../image/update.js";
import { cappedList } from "../text/and-list.js";
import type { YamlDocument } from "./file.js";
import { isFlowScalar, nodeAt, type FlowScalar, type SeqNode, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { EditPlan } from "./plan.js";

/** One kind of placeholder: how it opens, its names as a warning spells them, and what fills it in. */
interface Filler {
  readonly opens: string;
  readonly closes: string;
  readonly names: (text: string) => string[];
  readonly unnamed: string;
  /** Where the version comes from, and whether this tool edits it there. */
  readonly source: string;
  /** The same, in a file no Kubernetes tool fills in (a compose file), where it differs. */
  readonly sourceElsewhere?: string;
  /** For a whole reference: where to hold it instead, so that it is edited; none where nothing is. */
  readonly whole?: string;
  /** What a reference with a templated repository and a literal version pins it for, and what to do instead. */
  readonly every: string;
  readonly pinned: string;
}

const FILLERS: readonly Filler[] = [
  {
    opens: "${",
    closes: "}",
    // `${VAR:=default}` is named `${VAR}`: the variable to set.
    names: (text) => Array.from(text.matchAll(/\$\{\w+/g), ([start]) => `${start}}`),
    unnamed: "${...}",
    source: "the substitution variables (a Flux Kustomization's spec.postBuild.substitute or substituteFrom), which this tool does not edit",
    sourceElsewhere:
      "the variables that fill it in where the file is read (docker compose's environment or .env file, an envsubst step), which this tool does not edit",
    every: "value its substitution variables fill in",
    pinned: "substitute the version too, or set it per cluster",
  },
  {
    opens: "{{",
    closes: "}}",
    names: (text) => Array.from(text.matchAll(/\{\{.*?\}\}/g), ([name]) => name),
    unnamed: "{{...}}",
    source:
      "the template's parameters (an Argo CD ApplicationSet's generators, such as a list generator's elements), where a version alone is not edited either",
    whole: "hold the whole reference in an image: field of each generator element or file, which is edited",
    every: "app its generator makes",
    pinned: "template the version from the generator's parameters too, or set it per app (a parameter of each generator element or file)",
  },
];

/** Whether `text` holds a placeholder something fills in after this tool. */
export function hasPlaceholder(text: string): boolean {
  return FILLERS.some((filler) => text.includes(filler.opens));
}

/**
 * `with <its placeholders>, which is not edited: <where its version comes from>; set it there`, for
 * a field holding `text`; the list generator elements that hold its old version, when it reads them,
 * are named instead, and a whole reference (`repo:{{.tag}}`) is told where it would be edited.
 */
function placeholderReason(text: string, reference: boolean, manifest: boolean, elements?: readonly GeneratorElement[]): string {
  const filler = FILLERS.find((f) => text.includes(f.opens)) ?? FILLERS[0]!;
  const names = [...new Set(filler.names(text))].join(", ") || filler.unnamed;
  const source = elements?.length
    ? `the generator's elements, where a version alone is not edited either: ${elementsHolding(elements)}`
    : manifest
      ? filler.source
      : (filler.sourceElsewhere ?? filler.source);
  const whole = reference && filler.whole ? `, or ${filler.whole}` : "";
  return `with ${names}, which is not edited: its version comes from ${source}; set it there${whole}`;
}

/** A list generator element's value a plain placeholder reads (`imageTag` for `{{ .imageTag }}`): where a version is set. */
export interface GeneratorElement {
  readonly path: PathSegment[];
  readonly value: string;
}

/**
 * The elements of the document's list generators whose value `placeholder` reads, when it is a
 * plain name (`{{ .imageTag }}`, `{{imageTag}}`), that hold a `part` of `update`'s image it moves;
 * undefined when it is no plain name or no element holds it (then its value comes from elsewhere).
 * Read once per document, update and placeholder: an ApplicationSet may template thousands of
 * references from thousands of elements.
 */
export function staleElements(
  root: YamlNode | null,
  placeholder: string,
  part: "tag" | "digest",
  update: ImageUpdate,
): readonly GeneratorElement[] | undefined {
  const name = /^\{\{-?\s*\.?([\w-]+)\s*-?\}\}$/.exec(placeholder.trim())?.[1];
  if (name === undefined || root === null) return undefined;
  let byUpdate = staleByRoot.get(root);
  if (!byUpdate) staleByRoot.set(root, (byUpdate = new WeakMap()));
  let byName = byUpdate.get(update);
  if (!byName) byUpdate.set(update, (byName = new Map()));
  const key = `${part} ${name}`;
  if (!byName.has(key)) byName.set(key, readStaleElements(root, name, part, update));
  return byName.get(key);
}

/** staleElements' answers, by document root, update, and part and name: the nodes and updates are never changed. */
const staleByRoot = new WeakMap<YamlNode, WeakMap<ImageUpdate, Map<string, readonly GeneratorElement[] | undefined>>>();

function readStaleElements(root: YamlNode, name: string, part: "tag" | "digest", update: ImageUpdate): GeneratorElement[] | undefined {
  const held: GeneratorElement[] = [];
  for (const { elements, path } of listElements(nodeAt(root, ["spec", "generators"]), ["spec", "generators"]))
    elements.items.forEach((element, e) => {
      const value = nodeAt(element, [name]);
      if (isFlowScalar(value)) held.push({ path: [...path, e, name], value: value.text });
    });
  if (held.length === 0) return undefined;
  const version = (value: string) => (part === "tag" ? versionOf(value, undefined) : versionOf(undefined, value));
  return held.filter(({ value }) => nextVersion(update, version(value)) !== undefined);
}

/**
 * The `elements` of each list generator of `generators`, with their path: also of those a matrix or
 * merge generator combines (`matrix.generators`), which Argo CD lets hold one more matrix or merge.
 */
function listElements(generators: YamlNode | null | undefined, path: readonly PathSegment[]): { elements: SeqNode; path: PathSegment[] }[] {
  if (generators?.kind !== "seq") return [];
  return generators.items.flatMap((generator, g) => {
    const elements = nodeAt(generator, ["list", "elements"]);
    if (elements?.kind === "seq") return [{ elements, path: [...path, g, "list", "elements"] }];
    return (["matrix", "merge"] as const).flatMap((kind) => listElements(nodeAt(generator, [kind, "generators"]), [...path, g, kind, "generators"]));
  });
}

/** Each element's path is long: a few are enough to find the rest. */
const ELEMENTS_NAMED = 5;

/**
 * `spec.generators[0].list.elements[0].imageTag holds 1.2.0, …`, a few of them and how many more.
 * Only those named are formatted (cappedList counts the others), once for each list
 * staleElements gives: every reference templated from it names the same.
 */
export function elementsHolding(elements: readonly GeneratorElement[]): string {
  let text = holding.get(elements);
  if (text === undefined) {
    text = cappedList(
      elements.map(({ path, value }, e) => (e < ELEMENTS_NAMED ? `${formatPath(path)} holds ${value}` : "")),
      ELEMENTS_NAMED,
    );
    holding.set(elements, text);
  }
  return text;
}

/** elementsHolding's answers, by the list it was given. */
const holding = new WeakMap<readonly GeneratorElement[], string>();

/** That a warning is about a field left to its placeholder, so that a `--set` of the field, which writes it after all, answers it. */
function leftToPlaceholder(path: readonly PathSegment[]): WarningAbout {
  return { field: formatPath(path), reason: "placeholder" };
}

/**
 * The first of `fields` (a tag, a digest) that holds a placeholder, named in a warning: the
 * image's version is filled in there, so none of them is edited. Said only where the file's
 * target would move a version of the image (`update`'s policy admits its tag), as for a
 * templated reference. False when none holds one. `manifest`: whether a Kubernetes tool fills the file in
 * (a kustomization, which may have neither apiVersion nor kind, says so); by default, whether its document has either.
 */
export function warnPlaceholderField(
  fields: Readonly<Record<string, { readonly node: YamlNode | null | undefined; readonly path: readonly PathSegment[] } | undefined>>,
  name: string,
  update: ImageUpdate,
  plan: EditPlan,
  manifest?: boolean,
): boolean {
  for (const [part, field] of Object.entries(fields)) {
    const node = field?.node;
    if (field && isFlowScalar(node) && hasPlaceholder(node.text)) {
      if (nextVersion(update, {}) !== undefined)
        plan.warn(
          node.start,
          `${formatPath(field.path)} sets the ${part} of ${name} ${placeholderReason(node.text, false, manifest ?? inManifest(plan, node))}`,
          undefined,
          leftToPlaceholder(field.path),
        );
      return true;
    }
  }
  return false;
}

/**
 * An image building an incoming repository's reference with a placeholder: its version is what
 * fills it in, out of reach. One whose repository is templated but whose version is literal
 * (`ghcr.io/acme/{{path.basename}}:2.0.0`) pins that version for every image it makes, so it is
 * not edited either (the others share it), but named when it can make an incoming repository
 * at another version. A kustomize `name=` string whose version is a placeholder is about the image `name`
 * (namedReference), whatever image it sets.
 */
export function warnSubstituted(node: FlowScalar, path: readonly PathSegment[], incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  if (plan.isClaimed(node)) return;
  const named = namedReference(node.text);
  const stale = (named !== undefined ? staleImageIn(named, incoming) : undefined) ?? staleImageIn(node.text, incoming);
  if (stale) {
    const update = incoming.get(stale.repository)!;
    // Only where the file's target would move a version of it: its policy admits the incoming tag (a digest alone, none under a policy).
    if (nextVersion(update, {}) === undefined) return;
    // `repo:{{ .imageTag }}`: the version is an element's, named when a list generator holds it; none at an old version, nothing to say.
    const version = /([:@])(\{\{[^}]*\}\})\s*$/.exec(node.text);
    const elements = version && staleElements(rootHolding(plan, node), version[2]!, version[1] === ":" ? "tag" : "digest", update);
    if (elements?.length === 0) return;
    return plan.warn(
      node.start,
      `${formatPath(path)} builds a reference of ${formatImageRef(stale)} ${placeholderReason(node.text, true, inManifest(plan, node), elements ?? undefined)}`,
      undefined,
      leftToPlaceholder(path),
    );
  }
  const pin = templatedPin(node.text.slice(literalIndexOf(node.text, "=") + 1), incoming);
  if (!pin) return;
  const filler = FILLERS.find((f) => node.text.includes(f.opens)) ?? FILLERS[0]!;
  const [part, version] =
    pin.digest === undefined ? ["tag", pin.tag] : pin.tag === undefined ? ["digest", pin.digest] : ["version", `${pin.tag}@${pin.digest}`];
  plan.warn(
    node.start,
    `${formatPath(path)} pins the ${part} ${version} for every ${filler.every}, ${pin.repository} included if it makes that one; it is not edited, as they all share it: ${filler.pinned}`,
  );
}

/**
 * A kustomize `name=<image><version>` string whose version holds a placeholder, read as the reference it
 * makes of the image it applies to, `name<version>`: `app=*:{{.tag}}` (`*` keeps the name),
 * `app=*@{{.digest}}` and `app=mirror/app:{{.tag}}` are `app:{{.tag}}`, `app@{{.digest}}`, `app:{{.tag}}`.
 * Undefined for any other text.
 */
function namedReference(text: string): string | undefined {
  const eq = literalIndexOf(text, "=");
  if (eq <= 0) return undefined;
  const image = text.slice(eq + 1);
  const at = versionIndex(image);
  return at !== -1 && hasPlaceholder(image.slice(at)) ? text.slice(0, eq) + image.slice(at) : undefined;
}

/** Where an image's version starts, outside its placeholders: its first `@`, else its last `:` with no `/` after it (not a registry's port); -1 for none. */
function versionIndex(image: string): number {
  let colon = -1;
  for (const i of literalIndexes(image)) {
    if (image[i] === "@") return colon === -1 ? i : colon;
    if (image[i] === ":") colon = i;
    if (image[i] === "/") colon = -1;
  }
  return colon;
}

/** The root of the document of the plan's file that holds `node`: its generators fill the node in. */
function rootHolding(plan: EditPlan, node: FlowScalar): YamlNode | null {
  return documentHolding(plan, node)?.root ?? null;
}

function documentHolding(plan: EditPlan, node: FlowScalar): YamlDocument | undefined {
  return plan.file.documents.find(({ root }) => root !== null && root.start <= node.start && node.start < root.end);
}

/**
 * Whether the document holding `node` is a Kubernetes object (it has an apiVersion or a kind), which a
 * Flux Kustomization's substitution may fill in; a compose file's `${VAR:-default}` is filled in by compose.
 */
function inManifest(plan: EditPlan, node: FlowScalar): boolean {
  const object = documentHolding(plan, node)?.object;
  return object?.apiVersion !== undefined || object?.kind !== undefined;
}

/** The index of the first `char` of `text` outside its placeholders (`{{ $x := "a=b" }}`), or -1. */
export function literalIndexOf(text: string, char: string): number {
  for (const i of literalIndexes(text)) if (text[i] === char) return i;
  return -1;
}

/** The indexes of `text` outside its placeholders, in order: none from a placeholder never closed on. */
function* literalIndexes(text: string): Generator<number> {
  for (let i = 0; i < text.length; i++) {
    const filler = FILLERS.find((f) => text.startsWith(f.opens, i));
    if (!filler) {
      yield i;
      continue;
    }
    const close = text.indexOf(filler.closes, i + filler.opens.length);
    if (close === -1) return;
    i = close + filler.closes.length - 1;
  }
}

/** `text` cut at its placeholders: the literal pieces between them, one more than there are placeholders. */
function literalPieces(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const filler = FILLERS.find((f) => text.startsWith(f.opens, at));
    if (!filler) continue;
    const close = text.indexOf(filler.closes, at + filler.opens.length);
    if (close === -1) break;
    pieces.push(text.slice(from, at));
    from = close + filler.closes.length;
    at = from - 1;
  }
  return [...pieces, text.slice(from)];
}

/**
 * The incoming image a reference with a templated repository and a literal version could make
 * at another version than it brings (`ghcr.io/acme/{{path.basename}}:2.0.0` and
 * ghcr.io/acme/billing:2.1.0): its literal pieces spell the repository around the placeholders.
 * Screened by the repository's last path segment, or its start (the registry), in those pieces before they are matched.
 */
function templatedPin(text: string, incoming: ReadonlyMap<string, ImageUpdate>): { repository: string; tag?: string; digest?: string } | undefined {
  const pieces = literalPieces(text.trim());
  if (pieces.length < 2) return undefined;
  // The version is literal, after the last placeholder: `:tag`, `@digest` or both.
  const last = pieces[pieces.length - 1]!;
  const at = last.indexOf("@");
  const colon = last.lastIndexOf(":", at === -1 ? last.length : at);
  const start = colon !== -1 && !last.includes("/", colon) ? colon : at;
  if (start === -1) return undefined;
  const tag = colon === start ? last.slice(colon + 1, at === -1 ? last.length : at) : undefined;
  const digest = at === -1 ? undefined : last.slice(at + 1);
  if ((tag !== undefined && !isTag(tag)) || (digest !== undefined && !isDigest(digest))) return undefined;
  const repository = [...pieces.slice(0, -1), last.slice(0, start)];
  const literal = repository.join("\n");
  const [first] = repository;
  for (const update of incoming.values()) {
    const name = update.image.repository;
    const written = spellings(name);
    if (!literal.includes(name.slice(name.lastIndexOf("/"))) && (first === "" || !written.some((spelling) => spelling.startsWith(first!)))) continue;
    if (!written.some((spelling) => spells(repository, spelling))) continue;
    if (nextVersion(update, versionOf(tag, digest)) !== undefined)
      return { repository: name, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
  }
  return undefined;
}

/** A repository as a file may write it: Docker Hub's without its registry, and without `library/`. */
function spellings(repository: string): string[] {
  if (!repository.startsWith("docker.io/")) return [repository];
  const short = repository.slice("docker.io/".length);
  return short.startsWith("library/") ? [repository, short, short.slice("library/".length)] : [repository, short];
}

/** Whether `name` reads as `pieces` with something (a placeholder's value) between each two. */
function spells(pieces: readonly string[], name: string): boolean {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!name.startsWith(first) || !name.endsWith(last) || first.length + last.length > name.length) return false;
  let from = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = name.indexOf(piece, from);
    if (found === -1) return false;
    from = found + piece.length;
  }
  return from <= name.length - last.length;
}
