/**
 * YAML held in a string of an Argo CD source, which no editor edits inside: a source's
 * `helm.values`, and an ApplicationSet's `templatePatch`, Go-template text applied over the
 * template of every app it makes. Image fields in it the editors would set, an old reference
 * in its text, or a tag it sets over the template's incoming repository are named instead.
 */
import type { FullEditRequest } from "../change.js";
import { type ImageUpdate } from "../image/update.js";
import { type YamlDocument } from "./file.js";
import { type PathSegment } from "./path.js";
import { EditPlan, type Editor } from "./plan.js";
/** What the warnings here read of the edit request: its images, and how to name a set (`--set`, `input set`). */
type StringRequest = Pick<FullEditRequest, "images" | "fieldName">;
/** A source's `helm.values` string, named when it holds image fields the editors would set. */
export declare function warnValuesString(document: YamlDocument, source: readonly PathSegment[], request: StringRequest, plan: EditPlan): void;
/**
 * An ApplicationSet's `templatePatch`, Go-template text Argo CD applies over the template of every
 * app it makes: named as a `helm.values` string is when it holds image fields the editors would
 * set; else when it sets the tag of the template's incoming repository (the parameter or
 * valuesObject `tag` beside the template's repository field) at another version, as that tag
 * wins over whatever the template's own fields get. A tag the generator fills in is named at the
 * generator's elements holding a version to move, when the placeholder is a plain name.
 */
export declare function warnTemplatePatch(document: YamlDocument, incoming: ReadonlyMap<string, ImageUpdate>, request: StringRequest, plan: EditPlan, argoEditors: readonly Editor[]): void;
export {};
