/**
 * A base outside the paths to update, which a kustomization inside them builds as written: the
 * run moves what the paths hold (another overlay's `images:` entry) and says nothing of the
 * overlays that deploy the base's old version, as they leave it. Said at each such kustomization.
 */
import { posix } from "node:path";
import type { FieldWarning } from "../change.js";
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import { andList } from "../text/and-list.js";
import { deployedAsWrittenBy } from "./deployed-as-written.js";
import { isKustomizationFile } from "../yaml/kustomize.js";
import { graphOf, walk, type KustomizeTree } from "./kustomize-graph.js";
import { leftBehind } from "./left-behind.js";
import type { TreeSource } from "./source.js";
import { readScreened } from "./tree-reads.js";
import { holdsImage } from "./unreached.js";

/** What the warning reads of a run (plan.ts's RunContext). */
export interface OutsideRun {
  readonly source: TreeSource;
  readonly files: readonly string[];
  readonly inScope: (path: string) => boolean;
}

/**
 * Warns at each kustomization inside the paths to update that deploys, as written, a file outside
 * them holding an incoming image at another version (leftBehind's references, deployedAsWrittenBy's
 * kustomizations: no `images:` entry nor patch on the way sets it), once per kustomization and
 * repository, with the entry that would set it. Asked only where the paths leave a file out and
 * keep a kustomization in (a run without --path reads nothing for it); only the files those
 * kustomizations build are read, and the patch files only where one of those holds an old version.
 */
export async function warnBuiltOutside(
  run: OutsideRun,
  images: readonly ImageRef[],
  tree: (patches?: boolean) => Promise<KustomizeTree>,
  warnings: FieldWarning[],
): Promise<void> {
  const { files, inScope } = run;
  if (images.length === 0 || files.every(inScope) || !files.some((path) => isKustomizationFile(path) && inScope(path))) return;
  // Where the builds go needs no patch file: those are read only where an outside file holds an old version.
  const built = await tree(false);
  const graph = graphOf(built, images);
  const inside = built.kustomizations.flatMap(({ file }) => (inScope(file) ? (graph.at(posix.dirname(file)) ?? []) : []));
  const listed = new Set(files);
  const outside = [...new Set(walk(graph, inside).flatMap((k) => k.resources.filter((path) => !graph.at(path) && !inScope(path) && listed.has(path))))];
  if (outside.length === 0) return;
  const read = await readScreened(run.source, outside, (path, text) => images.some((image) => holdsImage(path, text, image)), []);
  const texts = new Map(outside.flatMap((path, i) => (read[i] === undefined ? [] : [[path, read[i]!] as const])));
  const left = leftBehind(images, texts, { explained: () => false, quiet: false });
  if (left.length === 0) return;
  const asWritten = deployedAsWrittenBy(await tree(), images);
  for (const { image, files: holding } of left) {
    // Per kustomization: the files it builds as written and the references they hold.
    const said = new Map<string, { files: Set<string>; references: Set<string> }>();
    for (const { path, places } of holding) {
      const references = places.flatMap(({ reference }) => reference ?? []);
      if (references.length === 0) continue;
      for (const by of asWritten({ file: path, text: texts.get(path)! }, image.repository).by.filter(inScope)) {
        const entry = said.get(by) ?? said.set(by, { files: new Set(), references: new Set() }).get(by)!;
        entry.files.add(path);
        for (const reference of references) entry.references.add(reference);
      }
    }
    for (const [by, { files: bases, references }] of said)
      warnings.push({ file: by, message: builtOutsideMessage(image, [...bases], [...references]), about: { reason: "unmoved", image: image.repository } });
  }
}

/** `the build here deploys F (outside the paths to update) as written, at R; add an images: entry …, or add F's directory to the paths`. */
function builtOutsideMessage(image: ImageRef, bases: readonly string[], references: readonly string[]): string {
  const name = tryParseImageRef(references[0]!)?.name ?? image.repository;
  const entry = [
    `name: ${name}`,
    ...(image.tag === undefined ? [] : [`newTag: ${image.tag}`]),
    ...(image.digest === undefined ? [] : [`digest: ${image.digest}`]),
  ];
  const directories = [...new Set(bases.map((path) => `${posix.dirname(path)}/`))];
  return (
    `the build here deploys ${andList(bases)} (outside the paths to update) as written, at ${andList(references)}; ` +
    `add an images: entry (${entry.join(", ")}) here, or add ${andList(directories)} to the paths to update`
  );
}
