/**
 * gitops-promote as a library: the same engine the CLI and the Actions run. The editors are
 * pure functions over text; `planUpdate` reads a tree and returns the new texts; only
 * `writePlan` writes.
 */
export type { Change, ChangeKind, Diagnostic, EditRequest, EditResult, FieldChange, ObjectId, ValueFor, Warning } from "./change.js";
export { SourceError } from "./change.js";
export { formatImageRef, ImageRefError, normalizeRepository, parseImageRef, tryParseImageRef, type ImageRef } from "./image/reference.js";
export { parsePolicy, PolicyError, type Policy } from "./image/policy.js";
export { nextImageText, nextVersion, type ImageUpdate, type Version } from "./image/update.js";
export { editYaml } from "./yaml/editor.js";
export { setYamlPath } from "./yaml/path.js";
export { editKcl } from "./kcl/editor.js";
export { applyOverrides, type ComputedOverride, type OverrideOptions } from "./kcl/override.js";
export { parseOverrideSpec, OverrideSpecError, type OverrideSpec } from "./kcl/override-spec.js";
export { planUpdate, DEFAULT_CONFIG, type FilePlan, type Plan, type PlannedTarget } from "./engine/plan.js";
export { writePlan } from "./engine/apply.js";
export { directorySource, type TreeSource } from "./engine/source.js";
export { RequestError, type FieldNamer, type RequestField, type UpdateRequest } from "./engine/request.js";
export { ConfigError, parseConfig, type Config, type Delivery, type Target } from "./engine/config.js";
export { fluxSetters, type FluxAutomation, type FluxSetter } from "./engine/flux-objects.js";
export { buildPayload, parsePayload, PayloadError, type Payload } from "./engine/payload.js";
export { commitMessage, defaultCommitMessage } from "./engine/commit-message.js";
export { jsonReport, humanReport, type JsonReport } from "./engine/report.js";
export { unifiedDiff } from "./engine/diff.js";
