import type { VersionNote } from "../image/update.js";
import { type Placed } from "./alias.js";
import type { YamlFile } from "./file.js";
import { type FlowScalar, type MapNode, type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import type { ChangeLabel, EditPlan } from "./plan.js";
/** Whether `map` has a merge key. */
export declare function hasMergeKey(map: MapNode): boolean;
/**
 * How a key a mapping takes from its merge key is named, by the editors' warnings and `--set`'s errors alike:
 * `its tag is merged (<<) from x-defaults.tag (line 3), which every mapping merging it shares`.
 */
export declare function mergedFromWords(key: string, from: string, line: number): string;
/** What a merged field is to the mappings that merge it: theirs alike. */
export declare const MERGE_SHARED = "which every mapping merging it shares";
/**
 * The value `key` of `map` (at `path`) takes from its merge key, where it is written, as YAML's merge
 * reads it: from the first mapping merged that has it, each with what it merges itself. Undefined when
 * no merge brings it (`map`'s own `key`, which wins over a merged one, is not read here).
 */
export declare function mergedValue(file: YamlFile, root: YamlNode | null, map: MapNode, path: readonly PathSegment[], key: string): Placed | undefined;
/** A field of a mapping as YAML reads it: its value node, the path a change names it by, and whether it is inside a flow collection. */
export interface MappingField {
    readonly node: YamlNode | null;
    readonly path: readonly PathSegment[];
    readonly inFlow: boolean;
    /** Taken from a merge key (`<<: *img`): `path` is where it is written, shared by every mapping merging it; never written for this one. */
    readonly merged?: boolean;
}
/** How `map` (at `path`, `inFlow` when inside a flow collection) reads a field: its own, else the one its merge key brings. */
export declare function fieldsOf(file: YamlFile, root: YamlNode | null, map: MapNode, path: readonly PathSegment[], inFlow: boolean): (key: string) => MappingField | undefined;
/** A field's new value, for the mapping at `mapping` whose field it is. */
export interface FieldWrite<F extends MappingField = MappingField> {
    readonly field: F;
    readonly node: FlowScalar;
    readonly value: string;
}
/**
 * What a version decision for `image` (a repository) tells of a mapping's merged field (a policy keeping its
 * tag, a dropped digest pin), said at `at` of the mapping, naming where the field is written: the mapping writes no such field.
 */
export declare function mergedVersionNote(plan: EditPlan, at: number, mapping: readonly PathSegment[], field: MappingField, image: string): VersionNote;
/** Whether a field the mapping writes itself is a marker's: so is the rest of its mapping. A merged one is its own mapping's (plan.valueOf). */
export declare function claimedOwn(plan: EditPlan, fields: readonly (MappingField | undefined)[]): boolean;
/** The mapping a version is written for: where it is told of (`at`), its path, its image's name and the version. */
interface VersionPair {
    readonly at: number;
    readonly mapping: readonly PathSegment[];
    readonly name: string;
    readonly next: {
        readonly tag?: string | undefined;
        readonly digest?: string | undefined;
    };
}
/**
 * Writes a mapping's version (its tag and digest, which name one build), all of it or none: none when a
 * merged field will not hold its new value (mergedHold) or the tag of one (`!!float 1.0`, `newTag: !!int 1`)
 * cannot hold it, said in a warning. Else tells what the version decision says (`say`) and writes the fields
 * the mapping writes itself. False when the pair is left.
 */
export declare function writeVersion(plan: EditPlan, { at, mapping, name, next }: VersionPair, writes: readonly FieldWrite[], say: () => void, label: (field: MappingField) => ChangeLabel): boolean;
export {};
