/**
 * References to an old version of an incoming image that the run leaves in the tree, where no
 * other warning says why: found after the edits, and named at their file and line, each with
 * what to do about it where its file tells (left-behind-fix.ts).
 */
import { posix } from "node:path";
import { SourceError, type Warning } from "../change.js";
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import { andList, cappedList } from "../text/and-list.js";
import { LineIndex, lineAt } from "../text/line-index.js";
import { editArgoCdHelm } from "../yaml/argocd.js";
import { runEditors } from "../yaml/editor.js";
import { tryYamlFile } from "../yaml/file.js";
import { overrideAdvice } from "../yaml/argocd-unpaired.js";
import { isFlowScalar, mapValue } from "../yaml/node.js";
import { formatPath } from "../yaml/path.js";
import { forEachValue } from "../yaml/walk.js";
import { editHelmValues } from "../yaml/helm.js";
import { editKustomizeImages } from "../yaml/kustomize.js";
import { fileKind } from "./file-kind.js";
import { deployedText, holdsVersionOf, spelledAt, spellingsOf } from "./image-spelling.js";
import { fixFor } from "./left-behind-fix.js";
import type { FieldNamer } from "../field-name.js";
import { proseAt } from "./prose.js";

/** Why a file may keep an image's old version, as the plan knows it. */
interface UnmovedContext {
  /**
   * A warning or an override already says why the file keeps the image's old version (a policy, a
   * target, a placeholder...): at `line`, a line holding a reference to another version, or
   * anywhere in the file when it holds none (undefined: a pair of fields, a mention).
   */
  readonly explained: (path: string, image: ImageRef, line: number | undefined) => boolean;
  /** The run changes nothing and says nothing else: a mention of the repository with no version counts then too. */
  readonly quiet: boolean;
  /** The text of each Chart.yaml beside a chart's values file of the texts (chartsOf's), whose appVersion a repository with no tag deploys. */
  readonly charts?: ReadonlyMap<string, string>;
}

/** Where a file is left at an old version of an image: a reference to another version as written, or where the file spells the repository (a pair of fields, a mention). */
export interface LeftPlace {
  readonly at: number;
  /** The 1-based line of `at`. */
  readonly line: number;
  readonly reference?: string;
  /** What to do about it, where the file alone does not tell (left-behind-fix.ts's otherwise). */
  readonly fix?: string;
}

/** An incoming image and the files left at an old version of it, each with its places. */
export interface LeftBehind {
  readonly image: ImageRef;
  readonly files: readonly { readonly path: string; readonly places: readonly LeftPlace[] }[];
}

/**
 * A field the run left at an old version, unseen, would run the old build while the run reads
 * as done: an image reached through a YAML alias whose anchor is not an image field, one in a
 * string, a substitution, a file kind not read, a file in no target. Each file of `texts` (as the plan leaves them;
 * image automation's objects left out: deployedText)
 * that holds the repository joined to another version (outside comments; also beside a field that took the new one:
 * a Helm parameter holding the whole reference beside a pair that moved), or as a pair of fields the editors read with
 * neither the new tag nor digest, and that no other warning explains, is left behind, also when other files change,
 * at each reference no warning explains. A run that changes nothing
 * and says nothing else counts a bare mention of the repository too, unless some file holds the
 * new version (the fields may well hold it), rather than let "nothing to change" read as "every
 * field holds it". Images left nowhere are not listed.
 */
export function leftBehind(images: readonly ImageRef[], texts: ReadonlyMap<string, string>, context: UnmovedContext): LeftBehind[] {
  return images.flatMap((image) => {
    const version = image.tag ?? image.digest!;
    // Image automation's objects (an ImageRepository, argocd-image-updater's annotations) name the repository, not a version anything deploys.
    const holding = [...texts].flatMap(([path, raw]) => {
      const text = deployedText(raw);
      const at = spelledAt(text, image);
      return at === undefined ? [] : [{ path, text, at }];
    });
    const current = holding.some(({ text }) => text.includes(version));
    const files = holding.flatMap(({ path, text, at }) => {
      const others = otherVersionsIn(text, image, fileKind(path) === "kcl");
      // One index per file: a file may hold thousands of references.
      const lines = others.length > 0 ? new LineIndex(text) : undefined;
      const unexplained = !lines && !text.includes(version) && !context.explained(path, image, undefined);
      const defaulted = unexplained && context.charts ? chartDefaulted(path, text, image, context.charts) : undefined;
      const places: LeftPlace[] = lines
        ? others.map((other) => ({ ...other, line: lines.lineAt(other.at) })).filter(({ line }) => !context.explained(path, image, line))
        : defaulted
          ? [{ ...defaulted, line: lineAt(text, defaulted.at) }]
          : unexplained && ((context.quiet && !current) || inSplitImage(path, text, image))
            ? [{ at, line: lineAt(text, at) }]
            : [];
      return places.length > 0 ? [{ path, places }] : [];
    });
    return files.length > 0 ? [{ image, files }] : [];
  });
}

/** How many places left behind are each said at their own line; more are named in one warning. */
const SAID_APART = 5;

/**
 * Names the places left behind (leftBehind's, `texts` as it read them), each at its file and line
 * as --json gives them, one warning per image and reason when there are more than SAID_APART;
 * a file in no configured target gets that reason, not the editing rules.
 */
export function warnUnmoved(
  left: readonly LeftBehind[],
  texts: ReadonlyMap<string, string>,
  context: {
    /** The configured targets' names (none without a configuration), and whether a file is in none of them, where nothing is edited. */
    readonly targets: readonly string[];
    readonly inNoTarget: (path: string) => boolean;
    /** How the request's face names its fields, for a fix that gives a value (UpdateRequest's). */
    readonly fieldName?: FieldNamer;
    /** The kustomizations in a target that deploy a file in no target as written (deployedAsWrittenBy's), nearest first, with their targets. */
    readonly deployedBy?: (path: string, image: ImageRef) => readonly DeployedBy[];
  },
  warnings: Warning[],
): void {
  for (const { image, files } of left) {
    const version = image.tag ?? image.digest!;
    const outside = context.targets.length > 0 ? files.filter(({ path }) => context.inNoTarget(path)) : [];
    const unreached = files.filter((file) => !outside.includes(file));
    type Place = { readonly file: string; readonly line: number; readonly place: LeftPlace };
    const said = (of: typeof files, why: { readonly one: (file: string, place: LeftPlace) => string; readonly many: (first: Place) => string }) => {
      const places: Place[] = of.flatMap(({ path, places }) => places.map((place) => ({ file: path, line: place.line, place })));
      if (places.length > SAID_APART) {
        warnings.push({
          message: `${image.repository} is not moved to ${version} in ${places.length} places (${cappedList(places.map(({ file, line }) => `${file}:${line}`))}): ${why.many(places[0]!)}`,
        });
        return;
      }
      for (const { file, line, place } of places) {
        const what = place.reference
          ? `${place.reference} is not moved to ${version}`
          : `${image.repository} appears here, but no field holds ${version} or was edited`;
        warnings.push({ file, line, message: `${what}: ${why.one(file, place)}` });
      }
    };
    const readme = '(see "What it edits" in the README)';
    if (unreached.length > 0) {
      said(unreached, {
        one: (file, place) => place.fix ?? fixFor(file, texts.get(file)!, place, image, context.fieldName) ?? `it sits where no rule edits it ${readme}`,
        // The first place's fix, as an example: the places are often one manifest's field in each environment.
        many: ({ file, line, place }) => {
          const fix = place.fix ?? fixFor(file, texts.get(file)!, place, image, context.fieldName);
          return fix ? `they sit where no rule edits them; for the first (${file}:${line}), ${fix}` : `they sit where no rule edits them ${readme}`;
        },
      });
    }
    const targets = `(targets: ${context.targets.join(", ")})`;
    const deployed = (file: string, place: LeftPlace) => deployedAdvice(context.deployedBy?.(file, image) ?? [], place);
    if (outside.length > 0)
      said(outside, {
        one: (file, place) => {
          const advice = deployed(file, place);
          return `this file is in no target ${targets}${advice === undefined ? "" : `, and ${advice}`}`;
        },
        // The first place's, as an example: the places are often one base's, which the same overlays deploy.
        many: ({ file, line, place }) => {
          const first = deployed(file, place);
          return `their files are in no target ${targets}${first === undefined ? "" : `; for the first (${file}:${line}), ${first}`}`;
        },
      });
  }
}

/** A kustomization in a target that deploys a file as written, and that target's name. */
interface DeployedBy {
  readonly kustomization: string;
  readonly target: string;
}

/**
 * What a file in no target that target kustomizations deploy as written (`by`) needs: those named (the run edits no file
 * outside the targets, so what it holds reaches them unmoved), and for a whole reference, an `images:` entry in each with
 * the version it deploys now, which kustomize sets over the base and the run moves as that target's field from then on
 * (gitops-promote adds no list item, --create neither). Said after what the file is, each warning joining it its own way; none
 * where no kustomization of a target deploys it.
 */
function deployedAdvice(by: readonly DeployedBy[], place: LeftPlace): string | undefined {
  if (by.length === 0) return undefined;
  const one = by.length === 1;
  const named = `${andList(by.map(({ kustomization, target }) => `${kustomization} (target ${target})`))} ${one ? "deploys" : "deploy"} it as written`;
  const ref = place.reference === undefined ? undefined : tryParseImageRef(place.reference);
  if (!ref) return named;
  const entry = [`name: ${ref.name}`, ...(ref.tag === undefined ? [] : [`newTag: ${ref.tag}`]), ...(ref.digest === undefined ? [] : [`digest: ${ref.digest}`])];
  const where = one ? `to ${by[0]!.kustomization}` : "to each";
  const whose = one ? `target ${by[0]!.target}'s` : "its target's";
  return `${named}; add an images: entry (${entry.join(", ")}) ${where}: kustomize sets it over this file, and the run moves it as ${whose}`;
}

/** The editors that read an image held as two fields, its repository in one and its version in another. */
const SPLIT_IMAGE_EDITORS = [editKustomizeImages, editArgoCdHelm, editHelmValues];

/**
 * Whether a YAML file holds `image`'s repository with another version as a pair the editors read
 * (Helm values `repository` + `tag`, a kustomize `name` + `newTag`, Argo CD Helm parameters): they
 * would move it, were the file edited; or would, but for a Bitnami `global.imageRegistry` naming the
 * image's registry (globalReadings). Read by those editors themselves, on the few files the text alone cannot judge.
 */
function inSplitImage(path: string, text: string, image: ImageRef): boolean {
  if (fileKind(path) !== "yaml") return false;
  const body = text.replace(/^\uFEFF/, "");
  try {
    return [image, ...globalReadings(body, image)].some(
      (as) => runEditors(body, { images: [{ image: as }], setters: new Map(), file: path }, SPLIT_IMAGE_EDITORS).changes.length > 0,
    );
  } catch (error) {
    if (error instanceof SourceError) return false;
    throw error;
  }
}

/**
 * What a pair deploying `image` is read as where the file's `global.imageRegistry` (Bitnami's chart-wide
 * registry, which its charts deploy over each pair's own `registry`) names the image's registry: the image's
 * path in each registry a pair of the file writes, or none (docker.io). None when no such registry is given.
 */
function globalReadings(text: string, image: ImageRef): ImageRef[] {
  if (!text.includes("imageRegistry")) return [];
  const slash = image.repository.indexOf("/");
  const [registry, repositoryPath] = [image.repository.slice(0, slash), image.repository.slice(slash + 1)];
  const registries = new Set(["docker.io"]);
  let named = false;
  for (const { root } of tryYamlFile(text)?.documents ?? []) {
    forEachValue(root, ({ node, path }) => {
      const value = isFlowScalar(node) ? node.text.trim().toLowerCase() : undefined;
      if (value && path.at(-1) === "imageRegistry" && path.at(-2) === "global") named ||= value === registry;
      else if (value && path.at(-1) === "registry") registries.add(value);
    });
  }
  if (!named) return [];
  const { tag, digest } = image;
  return [...registries].flatMap((other) => {
    const ref = other === registry ? undefined : tryParseImageRef(`${other}/${repositoryPath}`);
    return ref ? [{ ...ref, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) }] : [];
  });
}

/** The Chart.yaml a chart's values file (`values.yaml`) sits beside, were there one; undefined for any other file. */
function chartOf(path: string): string | undefined {
  return posix.basename(path) === "values.yaml" ? posix.join(posix.dirname(path), "Chart.yaml") : undefined;
}

/** The Chart.yaml files of the tree (`present`) beside a chart's values file among `paths`: those leftBehind's `charts` wants. */
export function chartsOf(paths: Iterable<string>, present: ReadonlySet<string>): string[] {
  return [...paths].flatMap((path) => {
    const chart = chartOf(path);
    return chart !== undefined && present.has(chart) ? [chart] : [];
  });
}

/**
 * A chart's values (`values.yaml` beside its `Chart.yaml`) giving the image's repository with no tag (nor digest) beside it:
 * Helm charts default that tag to the chart's `appVersion`, which is the version deployed. Where appVersion holds
 * another tag than the image's, the repository's place, with the override of appVersion.
 */
function chartDefaulted(path: string, text: string, image: ImageRef, charts: ReadonlyMap<string, string>): { at: number; fix: string } | undefined {
  const chartPath = chartOf(path);
  const chart = image.tag !== undefined && chartPath !== undefined ? charts.get(chartPath) : undefined;
  const appVersion = chart === undefined ? undefined : tryYamlFile(chart.replace(/^\uFEFF/, ""))?.documents[0]?.root;
  const held = appVersion?.kind === "map" ? mapValue(appVersion, "appVersion") : undefined;
  if (!isFlowScalar(held) || held.text === image.tag) return undefined;
  let found: { at: number; fix: string } | undefined;
  for (const { root } of tryYamlFile(text.replace(/^\uFEFF/, ""))?.documents ?? []) {
    forEachValue(root, ({ node, path: at }) => {
      const repository = node.kind === "map" && !found ? mapValue(node, "repository") : undefined;
      if (node.kind !== "map" || !isFlowScalar(repository) || mapValue(node, "tag") !== undefined || mapValue(node, "digest") !== undefined) return;
      const registry = mapValue(node, "registry");
      const ref = tryParseImageRef(isFlowScalar(registry) && registry.text !== "" ? `${registry.text}/${repository.text}` : repository.text);
      if (ref?.repository !== image.repository || ref.tag !== undefined || ref.digest !== undefined) return;
      const field = formatPath([...at, "repository"]);
      const { advice } = overrideAdvice("appVersion", image.repository, { file: chartPath, part: "tag", subject: "appVersion" });
      found = {
        at: repository.start + (text.startsWith("\uFEFF") ? 1 : 0),
        fix: `${field} has no tag beside it, so the chart deploys its appVersion (${held.text}, ${chartPath}); ${advice}, or give ${formatPath([...at, "tag"])} here`,
      };
    });
  }
  return found;
}

/**
 * Where the text spells a reference to another version of the image (its repository, in any
 * registry spelling of it, with a tag or a digest: not a mention such as an ImageRepository's
 * `image:`, nor another registry's repository of the same path), as written. Not in prose: a comment
 * (`# was ghcr.io/acme/app:1.4.0`), or a KCL triple-quoted string, which no rule edits (a docstring).
 */
function otherVersionsIn(text: string, image: ImageRef, kcl: boolean): { at: number; reference: string }[] {
  const inProse = proseAt(text, kcl);
  return spellingsOf(text, image).filter(
    ({ at, ref }) =>
      ref?.repository === image.repository &&
      (ref.tag !== undefined || ref.digest !== undefined) &&
      !holdsVersionOf(ref, image) &&
      !inProse(at) &&
      // A marked field follows its setter: what is said of the setter (one with no image, too) says why it stays.
      !/^[^\r\n]*\$imagepolicy/.test(text.slice(at)),
  );
}
