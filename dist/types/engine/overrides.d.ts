/**
 * Overrides: `--set` specs and configured `overrides:` per file, checked before any edit and
 * applied over what the editors did, as one result per file.
 */
import type { Diagnostic, EditResult, FieldEditResult, FieldWarning, Warning } from "../change.js";
import { SourceError } from "../change.js";
import { type ImageUpdate } from "../image/update.js";
import { type ComputedOverride } from "../kcl/override.js";
import type { Overridden } from "../kcl/editor.js";
import type { Config, OverrideConfig } from "./config.js";
import { type FileKind } from "./file-kind.js";
import { type ValidRequest } from "./request.js";
import { type TreeSource } from "./source.js";
import { type FieldNamer } from "../field-name.js";
/** A `--set` spec as given, or a configured override waiting for the file's target to say which image it may set. */
export type RequestedOverride = string | OverrideConfig;
/**
 * `--set` specs plus the configured overrides of the incoming images, per file in scope, and
 * what is wrong with the `--set` files: each must exist and be in scope (it was asked for by name),
 * named as `fieldName` (the request's face) names the set (`--set`, `input set`, `set[0]`).
 * With targets, an override of a file in none of them can never apply: that is warned about.
 */
export declare function collectOverrides(valid: ValidRequest, config: Config | undefined, configPath: string, present: ReadonlySet<string>, inScope: (path: string) => boolean, warnings: Warning[], fieldName?: FieldNamer): {
    byFile: Map<string, RequestedOverride[]>;
    issues: Diagnostic[];
};
/**
 * What is wrong with the configured overrides, each at its line in the configuration: a file
 * that does not exist or is not UTF-8, a path its file does not have (unless `create`), with
 * where in the file it stops. All of them, on every run, whatever images it brings: a typo must
 * not wait for the one image it concerns. A dry run of the overrides on the files they name
 * (no other file is read), its result dropped: the overrides of a file are tried together,
 * and one by one only when that fails, to name every one that does. `fieldName` says the
 * request's switch in its face's terms (`use create: true`), as a `--set`'s check does.
 */
export declare function checkConfiguredOverrides(source: TreeSource, overrides: readonly OverrideConfig[], configPath: string, present: ReadonlySet<string>, create: boolean, fieldName?: FieldNamer): Promise<Diagnostic[]>;
/**
 * A configured override as the file's own image fields get it: only when its target allows
 * the image, and moved on by the same decision (policy, no downgrade) from what it holds,
 * the whole reference or (`part: tag`) only the tag.
 */
export declare function configuredOverride(override: OverrideConfig, images: readonly ImageUpdate[]): ComputedOverride[];
/**
 * What the overrides of a KCL file set, `images` being the file's: the repositories whose
 * configured overrides set something there, and the paths its `--set` specs set (a delete
 * sets nothing). What the file's editor would say of those images' versions elsewhere in it
 * (a `${_tag}` the override sets) is taken care of, as where a marker sets them. A spec that
 * does not parse sets nothing here: it is refused where it is applied.
 */
export declare function overriddenIn(requested: readonly RequestedOverride[], images: readonly ImageUpdate[]): Overridden;
/**
 * The overrides of a file applied over what its editors did: one result, the editors' lines as
 * they read once the overrides added or removed lines. `read` is the file as read, before its
 * editors (the text they edited), from which an override replacing a span they edited reports
 * its old text. Throws RequestError (with the file) for an override that cannot apply. `fieldName`
 * names the request's fields in the warnings, as its face does (`--set`, `input set`); default the CLI's flags.
 */
export declare function overFile(path: string, kind: FileKind, edited: FieldEditResult, requested: readonly (string | ComputedOverride)[], create: boolean, read?: string, fieldName?: FieldNamer): EditResult;
/** overFile for the plan: its warnings keep what they are about (FieldWarning), for its later steps (a reference left behind). */
export declare function overFileAbout(path: string, kind: FileKind, edited: FieldEditResult, requested: readonly (string | ComputedOverride)[], create: boolean, read?: string, fieldName?: FieldNamer): FieldEditResult;
/**
 * Whether an override of the warning's file, a `--set` or a configured one (for whichever image),
 * names the field the warning advises to override: the field is someone else's to set. A spec
 * that does not parse names nothing.
 */
export declare function overrideNames(warning: FieldWarning, requested: readonly RequestedOverride[], configured: readonly OverrideConfig[]): boolean;
/** Whether an override of `file`, a `--set` or a configured one (for whichever image), names `field` (a path in the file's grammar). */
export declare function overrideNamesField(file: string, field: string, requested: readonly RequestedOverride[], configured: readonly OverrideConfig[]): boolean;
/**
 * A configured override's warning that tells again what an editor's version decision told at the same
 * field in the same place (a policy keeping the version): moved by the same decision, it says it no more.
 * Compared on what both are about (versionNoteWarning), never on their words: by line, so that the path of another
 * document, or another field of the line, keeps its own; by field, named as one (`app["image"]` is
 * `app.image`); and by what was told.
 */
export declare function toldThere(warning: FieldWarning, told: readonly FieldWarning[]): boolean;
export declare function located(path: string, error: SourceError): Diagnostic;
