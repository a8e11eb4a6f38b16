/**
 * # YAML editors: one parse, source offsets, splices
 *
 * `editYaml` parses a file once (file.ts: every document of a multi-document file, by our
 * subset parser or else the `yaml` package) into a tree whose every node carries its
 * source offsets (node.ts), so an editor never prints YAML: it decides a scalar's new
 * string value and the plan splices exactly that scalar's bytes (`splice.ts`), rendered in
 * the scalar's own quoting style (`quoting.ts`; double quotes when a plain value would read
 * as a non-string). Everything
 * else (comments, indentation, blank lines, CRLF, anchors, block scalars, key order) is
 * never touched, so an unchanged file comes back as the identical string and a second run
 * finds nothing to do.
 *
 * The editors of DESIGN §2 run in a fixed order over the same parse and share an
 * `EditPlan` (`plan.ts`): what a strategic merge's `$patch: delete` removes is claimed before any
 * (`patch-directive.ts`: kustomize deploys none of it), then Flux setter markers (`markers.ts`), claiming every marked
 * field, so that container images by repository (`images.ts`; one written as a block scalar
 * is only named in a warning), kustomization `images:`
 * entries (`kustomize.ts`, and Argo CD's string form in `argocd.ts`), images inside inline
 * kustomize patches (`inline-patch.ts`, moved from the patch text to the file's bytes), images
 * in the `-O` override specs and `-D` options of a KCLRun or KCL settings file
 * (`kcl-overrides.ts`; a marker on one sets the image inside it, `kcl-settings.ts`) and Helm
 * values pairs (`helm.ts`) leave marked fields to their marker; Helm values the editors cannot reach (in a
 * ConfigMap's string, a k3s HelmChart's) are named (`values-strings.ts`).
 * Every new tag/digest is the shared decision `nextVersion` (policies, no downgrade). Splices never overlap (a claimed node is edited once) and are applied in one
 * pass, so the work is linear in the file size.
 */
import { fullEditRequest, publicResult, type EditRequest, type EditResult, type FieldEditResult, type FullEditRequest } from "../change.js";
import { editArgoCdHelm, editArgoCdImages } from "./argocd.js";
import { YamlFile } from "./file.js";
import { editHelmValues } from "./helm.js";
import { editImages } from "./images.js";
import { editInlinePatches } from "./inline-patch.js";
import { editKclOverrideSpecs } from "./kcl-overrides.js";
import { editKustomizeImages } from "./kustomize.js";
import { editMarkers } from "./markers.js";
import { leaveDeleted } from "./patch-directive.js";
import { EditPlan } from "./plan.js";
import { warnValuesStrings } from "./values-strings.js";
import type { Editor } from "./plan.js";

/** What a strategic merge's `$patch: delete` removes is no editor's; then markers: a marked field is governed by its marker only. */
const EDITORS: readonly Editor[] = [
  leaveDeleted,
  editMarkers,
  editImages,
  editKustomizeImages,
  editInlinePatches,
  editKclOverrideSpecs,
  editArgoCdImages,
  editArgoCdHelm,
  editHelmValues,
  warnValuesStrings,
];

/**
 * Runs `editors` over one parse of `text`; throws SourceError when `text` is not valid YAML.
 * @internal For the engine and the tests: `Editor` is typed with the `yaml` package's nodes, which the library's declarations must not name.
 */
export function runEditors(text: string, given: EditRequest, editors: readonly Editor[]): EditResult {
  return publicResult(runChecked(text, fullEditRequest(given), editors));
}

/** runEditors for a request already checked, its warnings with what they are about for the engine. */
function runChecked(text: string, request: FullEditRequest, editors: readonly Editor[]): FieldEditResult {
  const file = new YamlFile(text);
  const plan = new EditPlan(file);
  for (const editor of editors) editor(file, request, plan);
  return plan.result();
}

/** Applies every YAML editor to one file: DESIGN §2 1–4, Argo CD's kustomize image lists (the string form of 3) and Helm parameters (of 4). */
export function editYaml(text: string, request: EditRequest): EditResult {
  return runEditors(text, request, EDITORS);
}

/**
 * editYaml for a request the engine built from what it checked once for the plan: not checked again for
 * each file, and its warnings keep what they are about (FieldWarning) for the overrides of the file.
 * @internal The engine's.
 */
export function editCheckedYaml(text: string, request: FullEditRequest): FieldEditResult {
  return runChecked(text, request, EDITORS);
}
