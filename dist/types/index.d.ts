/**
 * gitops-promote as a library: the same engine the CLI and the Actions run. The editors are
 * pure functions over text; `planUpdate` reads a tree and returns the new texts; only
 * `writePlan` writes.
 */
export type { AsideWarning, Change, ChangeKind, Diagnostic, EditRequest, EditResult, FieldChange, ObjectId, ValueFor, Warning, WarningKind } from "./change.js";
export { formatDiagnostic, SourceError } from "./change.js";
export { formatImageRef, ImageRefError, isDigest, isTag, normalizeRepository, parseImageRef, tryParseImageRef, type ImageRef } from "./image/reference.js";
export { parsePolicy, PolicyError, type Policy, type PolicyIssue, type PolicySpec } from "./image/policy.js";
export type { GoRegexp, Submatches } from "./image/go-regexp.js";
export { nextImageText, nextVersion, type ImageUpdate, type Version, type VersionNote } from "./image/update.js";
import type { VersionNote } from "./image/update.js";
/** @deprecated Use VersionNote: what a version decision tells at a field, of which a kept version is one. Kept for one release. */
export type KeptBy = VersionNote;
export { editYaml } from "./yaml/editor.js";
export { setYamlPath, type SetOptions } from "./yaml/path.js";
export { editKcl, type Overridden } from "./kcl/editor.js";
export { applyOverrides, type ComputedOverride, type OverrideImage, type OverrideOptions } from "./kcl/override.js";
export { parseOverrideSpec, OverrideSpecError, type OverrideOperation, type OverrideSpec } from "./kcl/override-spec.js";
export { planUpdate, type FilePlan, type Plan, type PlannedTarget } from "./engine/plan.js";
export { DEFAULT_CONFIG } from "./engine/config-file.js";
export { StalePlanError, writePlan } from "./engine/apply.js";
export { applySet } from "./engine/apply-set.js";
export { directorySource, memorySource, type TextFile, type TreeSource } from "./engine/source.js";
export { nothingToUpdate, RequestError, validateRequest, type FieldNamer, type FileOverride, type KnownImages, type NamedField, type RequestField, type RequestSwitch, type RequestIssue, type UpdateRequest, type ValidRequest, } from "./engine/request.js";
export { ConfigError, parseConfig, type Config, type Delivery, type DeliveryMode, type MergeMethod, type MergeMode, type OverrideConfig, type OverridePart, type SetterConfig, type Target, type TargetImage, } from "./engine/config.js";
export { fluxSetters, type FluxAutomation, type FluxSetter, type PolicySelector, type SourceLine } from "./engine/flux-objects.js";
export type { LabelOperator, LabelRequirement, LabelSelector } from "./engine/label-selector.js";
export type { BuiltNamespace } from "./engine/kustomize-graph.js";
export { buildPayload, imagesFromMetadata, parsePayload, PayloadError, sourceFromEnv, type DispatchKind, type Payload, type PayloadInput, type PayloadSource, } from "./engine/payload.js";
export { commitMessage, defaultCommitMessage, type CommitMessageInput } from "./engine/commit-message.js";
export { TemplateError } from "./engine/go-template.js";
export { jsonReport, jsonRefusal, humanReport, type JsonReport } from "./engine/report.js";
export { unifiedDiff } from "./engine/diff.js";
