/**
 * Container images by repository, no marker needed: any `image:` scalar whose value is an
 * image reference of an incoming repository (`nginx` = `docker.io/library/nginx`), in any
 * kind, at any depth. The name stays as the file wrote it; only tag and digest change.
 * A bare repository (`image: nginx`) gets a tag only in a container spec, as kustomize's
 * image transformer does; elsewhere (Helm values) its tag lives in another field. Where a
 * kustomization building the file gives that name a version with `images:` (the engine says
 * which, `kustomizeTagged`), the bare image is left to it: only that entry moves.
 * A reference built with `${VAR}` (Flux's postBuild substitution) gets its version from the
 * substitution variables: it is named in a warning, never edited, as is one written as a block scalar.
 */
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import { bareFieldWarning, byRepository, nextReference, type ImageUpdate } from "../image/update.js";
import { aliasedFieldWords, anchoredValue, anchorOf, type Placed } from "./alias.js";
import { ARGO, FLUX_IMAGE, inGroup, SKAFFOLD, TEKTON } from "./api-groups.js";
import type { YamlDocument, YamlFile } from "./file.js";
import { isOpList } from "./json-patch.js";
import { imageLists } from "./kustomize.js";
import { MERGE_SHARED } from "./merge-key.js";
import { isFlowScalar, mapValue, nodeAt, type AliasNode, type FlowScalar, type ScalarNode, type YamlNode } from "./node.js";
import { formatPath, hasPrefix, type PathSegment } from "./path.js";
import { hasPlaceholder, warnSubstituted } from "./placeholder.js";
import type { Editor, EditPlan } from "./plan.js";
import { readersOfValue } from "./readers.js";
import { forEachValue, type NodeVisit } from "./walk.js";

export const editImages: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    // A kustomize `images:` list is kustomize.ts's; every other `image:` of a kustomization (helmCharts' valuesInline) is one.
    const lists = imageLists(document, request.file);
    // A Flux ImageRepository's `spec.image` names the repository to scan, never a pinned version.
    if (inGroup(document.object.apiVersion, FLUX_IMAGE)) continue;
    // A JSON6902 patch file's values are decided by the op rule, as if written at their paths (inline-patch.ts).
    if (isOpList(document.root)) continue;
    const fields: NodeVisit[] = [];
    forEachValue(document.root, (field) => {
      if (field.path[field.path.length - 1] === "image" && !lists.some((list) => hasPrefix(field.path, list))) fields.push(field);
    });
    // A bare image outside a container spec that a container's image aliases, or merges, is said at each such container, not as a field whose version is set elsewhere.
    const aliased = new Set<YamlNode>(
      fields.flatMap(({ node, path }) => (node.kind === "alias" && inContainerSpec(path) ? (bareAnchored(file, document, node)?.node ?? []) : [])),
    );
    for (const { node, path, inFlow } of fields) {
      if (node.kind === "alias") warnAliased(file, document, node, path, incoming, plan, request.kustomizeTagged);
      else if (isFlowScalar(node) && hasPlaceholder(node.text)) warnSubstituted(node, path, incoming, plan);
      else if (!aliased.has(node) && !warnMerged(file, { node, path }, incoming, plan, request.kustomizeTagged))
        setImageScalar({ node, path, inFlow }, "image", inContainerSpec(path), incoming, plan, document, request.kustomizeTagged);
    }
  }
};

/** An `image:` field outside a container spec holding a repository with no tag or digest: it is given none there. */
type BareImage = Placed & { readonly node: FlowScalar; readonly ref: ImageRef };

function bareOutside(field: Placed | undefined): BareImage | undefined {
  if (!field || !isFlowScalar(field.node) || field.path[field.path.length - 1] !== "image" || inContainerSpec(field.path)) return undefined;
  const ref = tryParseImageRef(field.node.text);
  return ref && ref.tag === undefined && ref.digest === undefined ? { ...field, node: field.node, ref } : undefined;
}

/** The value an `image:` alias stands for when it is a bare image outside a container spec. */
function bareAnchored(file: YamlFile, document: YamlDocument, alias: AliasNode): BareImage | undefined {
  return bareOutside(anchoredValue(file, document.root, alias));
}

/**
 * A bare image outside a container spec that containers merge (`- <<: *defaults`, writing no image of their own):
 * each runs it with no tag, as an alias of it does, and is told what to write where it is written (warnBareRead).
 * True when a container merges it.
 */
function warnMerged(
  file: YamlFile,
  field: Placed,
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  kustomizeTagged?: ReadonlyMap<string, string | undefined>,
): boolean {
  const bare = bareOutside(field);
  const containers = bare ? readersOfValue(file, bare.node).filter((reader) => !reader.alias && inContainerSpec([...reader.path, reader.key])) : [];
  const update = bare && incoming.get(bare.ref.repository);
  if (!bare || !update) return containers.length > 0;
  const [from, line] = [formatPath(bare.path), file.lineAt(bare.node.start)];
  const how = { of: "is merged (<<), holding", that: `is merged (<<) from ${from} (line ${line}), which` };
  for (const { path, key, at } of containers)
    warnBareRead(plan, at, [...path, key], how, bare, update, `${from} (line ${line}), ${MERGE_SHARED}`, kustomizeTagged);
  return containers.length > 0;
}

/**
 * Says at `at` that the container's image at `path`, which reads the bare image `bare` written outside a container spec (`how`:
 * before the image, or before why it is left), is given no tag there: what to write `where` it is written, unless a kustomization
 * building the file tags its name, whose reason, if any, is said instead.
 */
function warnBareRead(
  plan: EditPlan,
  at: number,
  path: readonly PathSegment[],
  how: { readonly of: string; readonly that: string },
  bare: BareImage,
  update: ImageUpdate,
  where: string,
  kustomizeTagged?: ReadonlyMap<string, string | undefined>,
): void {
  if (RETAGGED_LISTS.has(inContainerSpec(path)) && kustomizeTagged?.has(bare.ref.name)) {
    const reason = kustomizeTagged.get(bare.ref.name);
    return reason === undefined ? undefined : plan.warn(at, `${formatPath(path)} ${how.that} ${reason}`);
  }
  const next = nextReference(update, bare.ref);
  const line = plan.file.lineAt(bare.node.start);
  if (next)
    plan.warn(
      at,
      `${formatPath(path)} ${how.of} ${bare.node.text}, which has no tag or digest and is written outside a container spec, so it is given none: write ${next} at ${where}`,
      undefined,
      { reason: "unmoved", image: update.image.repository, lines: [line] },
    );
}

/**
 * An `image:` that is an alias of an incoming repository's reference anchored on another field
 * (`x-img: &img ghcr.io/acme/app:1.0.0`): aliases are not followed, and that field is no image
 * field, so nothing moves; say so at the alias. An anchored `image:` field is edited itself, but
 * a bare one outside a container spec is given no tag: a container's image aliasing it is left
 * bare too (unless a kustomization tags its name), so the alias says what to write at the anchor.
 */
function warnAliased(
  file: YamlFile,
  document: YamlDocument,
  alias: AliasNode,
  path: readonly PathSegment[],
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  kustomizeTagged?: ReadonlyMap<string, string | undefined>,
): void {
  const written = file.text.slice(alias.start, alias.end);
  const bare = inContainerSpec(path) ? bareAnchored(file, document, alias) : undefined;
  const update = bare && incoming.get(bare.ref.repository);
  if (bare && update) {
    const anchor = anchorOf(file, alias);
    const where = anchor && aliasedFieldWords(bare.path, file.lineAt(bare.node.start), anchor.name);
    const how = { of: `is an alias (${written}) of`, that: `is an alias (${written}) that` };
    if (where) warnBareRead(plan, alias.start, path, how, bare, update, where, kustomizeTagged);
    return;
  }
  const anchored = anchoredValue(file, document.root, alias);
  if (!anchored || !isFlowScalar(anchored.node) || anchored.path[anchored.path.length - 1] === "image") return;
  const ref = tryParseImageRef(anchored.node.text);
  if (!ref || !incoming.has(ref.repository)) return;
  const line = file.lineAt(anchored.node.start);
  plan.warn(
    alias.start,
    `${formatPath(path)} is ${written}, an alias of ${formatPath(anchored.path)} (line ${line}), which holds ${anchored.node.text} and is no image field: aliases are never followed, so it does not move; write the image here, or mark ${formatPath(anchored.path)} with a Flux marker`,
    undefined,
    { reason: "unmoved", image: ref.repository, lines: [line] },
  );
}

/**
 * A scalar holding a whole image reference of an incoming repository gets its next reference; a block scalar
 * holding one is named (warnBlock). A bare repository gets a tag only in a container spec (`container`, the list holding it, or false);
 * elsewhere its version lives in another field, which a warning says. One whose name is
 * `kustomizeTagged`, in a list kustomize re-tags, is left to the kustomization whose `images:`
 * entry sets its version (and moves), saying the reason given, if any.
 */
export function setImageScalar(
  field: { readonly node: YamlNode | null; readonly path: readonly PathSegment[]; readonly inFlow: boolean },
  kind: "image" | "helm" | "override",
  container: ContainerList | false,
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  document: YamlDocument,
  kustomizeTagged?: ReadonlyMap<string, string | undefined>,
): void {
  const { node, path } = field;
  if (node?.kind !== "scalar" || plan.isClaimed(node)) return;
  if (!isFlowScalar(node)) return warnBlock(node, path, incoming, plan);
  const ref = tryParseImageRef(node.text);
  const update = ref && incoming.get(ref.repository);
  if (!ref || !update) return;
  if (ref.tag === undefined && ref.digest === undefined) {
    if (!container) return warnBare(node, path, ref, kind === "image" ? bareImageRole(document, path) : undefined, update, plan);
    if (RETAGGED_LISTS.has(container) && kustomizeTagged?.has(ref.name)) {
      const reason = kustomizeTagged.get(ref.name);
      return reason === undefined ? undefined : plan.warn(node.start, `${formatPath(path)} ${reason}`);
    }
  }
  const next = nextReference(update, ref, plan.versionNote(node.start, formatPath(path), update.image.repository));
  if (next) plan.setScalar(node, next, field.inFlow, { kind, key: formatPath(path), document });
}

/**
 * An image written as a block scalar is never edited (node.ts: only plain and quoted scalars are): one holding an
 * incoming repository at another version is named, as a marked block scalar is, rather than left to the engine's
 * warning of a repository nothing edited. The key and header may be written in any form YAML allows (a comment or
 * line break before the indicator, an explicit `? image`, an anchor or tag): the parse has read them.
 */
function warnBlock(node: ScalarNode, path: readonly PathSegment[], incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const written = node.text.trim();
  const ref = tryParseImageRef(written);
  const update = ref && incoming.get(ref.repository);
  const next = update && nextReference(update, ref);
  if (!next) return;
  // Said at the reference's own line, where a reference left behind is looked for: below the header line, whose comment may spell it too.
  const { text } = plan.file;
  const at = text.indexOf(written.split("\n", 1)[0]!, text.indexOf("\n", node.start));
  plan.warn(
    at < 0 ? node.start : at,
    `${formatPath(path)} is a block scalar, which is never edited, so it is not moved to ${next}; write it as a plain or quoted string`,
  );
}

/**
 * What a bare image outside a Kubernetes container list is, where its object says: a container that runs it as
 * written, `:latest` (a Tekton step, sidecar or stepTemplate; an Argo Workflows template's container, script or
 * sidecar); or the name of an image to build (a Skaffold artifact, a compose service with `build:`), which has no
 * version to move. Undefined elsewhere (Helm values), where its version is set in another field.
 */
function bareImageRole(document: YamlDocument, path: readonly PathSegment[]): "runs-latest" | "built" | undefined {
  const { apiVersion, kind } = document.object;
  const [holder, index] = [path.at(-3), path.at(-2)];
  const inList = (lists: readonly string[]) => typeof index === "number" && typeof holder === "string" && lists.includes(holder);
  if (inGroup(apiVersion, TEKTON)) return inList(["steps", "sidecars"]) || index === "stepTemplate" ? "runs-latest" : undefined;
  if (inGroup(apiVersion, ARGO) && kind !== undefined && WORKFLOW_KINDS.has(kind))
    return inList(["sidecars"]) || index === "container" || index === "script" ? "runs-latest" : undefined;
  if (inGroup(apiVersion, SKAFFOLD) && path.length === 4 && path[0] === "build" && path[1] === "artifacts") return "built";
  const service = path.length === 3 && path[0] === "services" ? nodeAt(document.root, path.slice(0, 2)) : undefined;
  return service?.kind === "map" && mapValue(service, "build") !== undefined ? "built" : undefined;
}

/** Argo Workflows' kinds, whose templates hold a container or script each. */
const WORKFLOW_KINDS = new Set(["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"]);

/** Says what a bare image outside a container list gets: nothing said of an image to build; the tag to write on one that runs as `:latest`; else that its version is set in another field. */
function warnBare(
  node: FlowScalar,
  path: readonly PathSegment[],
  ref: ImageRef,
  role: ReturnType<typeof bareImageRole>,
  update: ImageUpdate,
  plan: EditPlan,
): void {
  if (role === "built") return;
  if (role === "runs-latest") {
    const next = nextReference(update, ref);
    if (next)
      plan.warn(
        node.start,
        `${formatPath(path)} holds ${ref.name} with no tag or digest, so it runs as ${ref.name}:latest; left as it is: write ${next} there to run that version`,
        undefined,
        { reason: "unmoved", image: ref.repository },
      );
    return;
  }
  const { message, about } = bareFieldWarning(formatPath(path), ref.repository);
  plan.warn(node.start, message, undefined, about);
}

/** The lists of a pod spec holding containers. */
export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";

/** Their names, as a path spells them. */
export const CONTAINER_LISTS = new Set<string>(["containers", "initContainers", "ephemeralContainers"] satisfies ContainerList[]);

/**
 * Those whose images kustomize's `images:` re-tag: its image transformer walks every `containers` and
 * `initContainers` list of a resource, at any depth, and its field specs add none of the third (nor
 * ephemeral containers), so an ephemeral container's image is deployed as written.
 */
const RETAGGED_LISTS = new Set<ContainerList | false>(["containers", "initContainers"]);

/** `...containers[i].image`: a Kubernetes container's image, where a bare repository means `:latest`; the list holding it, or false. */
export function inContainerSpec(path: readonly PathSegment[]): ContainerList | false {
  const list = path[path.length - 3];
  return typeof path[path.length - 2] === "number" && typeof list === "string" && CONTAINER_LISTS.has(list) && (list as ContainerList);
}
