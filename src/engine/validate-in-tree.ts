/**
 * Request validation with what the tree names: a refusal that offers a value given as a tag alone a
 * repository (`--setter flux-system:app=1.2.3`) offers the one the tree's configuration or Flux objects give it.
 */
import type { ImageRef } from "../image/reference.js";
import { configOf, GIVEN_CONFIG } from "./config-file.js";
import { fileKind } from "./file-kind.js";
import { fluxSetters, mayHoldFluxObjects } from "./flux-objects.js";
import { mayGiveNamespace, namespacesOf } from "./kustomize-graph.js";
import { kustomizationsIn } from "./kustomize-reads.js";
import { mayBeManifest } from "./manifest-candidates.js";
import { isConfigField, RequestError, UNKNOWN_REPOSITORY, validateRequest, type KnownImages, type UpdateRequest, type ValidRequest } from "./request.js";
import { listTree, type TreeSource } from "./source.js";
import { repositoryPath } from "./tree-path.js";
import { readScreened } from "./tree-reads.js";

/**
 * The request validated (validateRequest). A refusal that offers a value given as a tag alone an unknown repository
 * is checked again with what the tree names (knownImagesIn); read only then, it costs a valid run nothing. A tree
 * that cannot be read then leaves the refusal as it is: it is the request that is wrong.
 */
export async function validateInTree(listed: TreeSource, request: UpdateRequest): Promise<ValidRequest> {
  try {
    return validateRequest(request);
  } catch (error) {
    if (!(error instanceof RequestError) || !error.issues.some((issue) => issue.message.includes(UNKNOWN_REPOSITORY))) throw error;
    const known = await knownImagesIn(listed, request).catch(() => undefined);
    if (!known) throw error;
    return validateRequest(request, known);
  }
}

/**
 * What a tree names the images of a request by (KnownImages), for the whole reference a refusal offers a value
 * given as a tag alone (`--setter flux-system:app=1.2.3`): the configuration's setters and the repositories its
 * targets name, and each marker key whose Flux ImagePolicy resolves to one ImageRepository in the tree, in the
 * namespaces its builds put it in (a configured setter of the key wins, as in a run). A tree or configuration
 * that cannot be read names none from it: the run with the request fixed says why.
 */
async function knownImagesIn(listed: TreeSource, request: UpdateRequest): Promise<KnownImages> {
  const readable = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (error instanceof RequestError) return undefined;
      throw error;
    }
  };
  const tree = await readable(() => listTree(listed));
  if (!tree) return {};
  const { files, links, source } = tree;
  // A configuration given as an object parseConfig did not make is refused, not read.
  const read = isConfigField(request.config) ? await readable(() => configOf(source, new Set(files), request, false, links)) : undefined;
  const config = read?.config;
  const treeRoot = repositoryPath(request.pathInRepository ?? "");
  // The files a run reads Flux objects from, and the Flux Kustomizations that give them a namespace.
  const yaml = files.filter((path) => fileKind(path) === "yaml" && mayBeManifest({ configPath: read?.configPath ?? GIVEN_CONFIG, misplaced: new Set() }, path));
  const screened = await readScreened(source, yaml, (_, text) => mayHoldFluxObjects(text) || mayGiveNamespace(text), []);
  const texts = new Map(yaml.flatMap((path, i) => (screened[i] === undefined ? [] : [[path, screened[i]!] as const])));
  const docs = [...texts].flatMap(([file, text]) => (mayHoldFluxObjects(text) ? [{ file, text }] : []));
  // Only the repository each key sets is read here, not which policies an automation selects: no labels are worked out.
  const flux = docs.length === 0 ? undefined : fluxSetters(docs, treeRoot, namespacesOf(await kustomizationsIn(source, files, texts, treeRoot)(false), false));
  const setters = new Map<string, Pick<ImageRef, "name">>();
  for (const [key, defined] of flux?.setters ?? []) if (new Set(defined.map((d) => d.repository)).size === 1) setters.set(key, defined[0]!);
  for (const [key, setter] of config?.setters ?? []) setters.set(key, setter);
  return { setters, repositories: [...new Set((config?.targets ?? []).flatMap((target) => target.images.map((image) => image.name)))] };
}
