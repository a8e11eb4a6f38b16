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
import { type EditRequest, type EditResult } from "../change.js";
/** Applies every YAML editor to one file: DESIGN §2 1–4, Argo CD's kustomize image lists (the string form of 3) and Helm parameters (of 4). */
export declare function editYaml(text: string, request: EditRequest): EditResult;
