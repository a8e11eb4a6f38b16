import type { ImageUpdate, VersionNote } from "../image/update.js";
import type { YamlDocument } from "./file.js";
import { type MappingField } from "./merge-key.js";
import { type FlowScalar, type MapNode, type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import type { ChangeLabel, EditPlan } from "./plan.js";
import { type Reader } from "./readers.js";
/** A field's new value, for the mapping whose field it is. */
export interface FieldWrite {
    readonly field: MappingField;
    readonly node: FlowScalar;
    readonly value: string;
}
/** A key the mapping `map` gets, with its value: kustomize adds an entry's missing newTag or digest. */
export interface FieldAdd {
    readonly map: MapNode;
    readonly key: string;
    readonly value: string;
}
/** The mapping a version is written for: where it is told of (`at`), its path, its image's name and the version. */
export interface VersionPair {
    readonly at: number;
    readonly mapping: readonly PathSegment[];
    readonly name: string;
    readonly next: {
        readonly tag?: string | undefined;
        readonly digest?: string | undefined;
    };
}
/**
 * How an editor reads another mapping reading a field of the pair (a Reader): the image it names, and what its
 * own version decision in this run has the field hold (undefined: it stays). Undefined when the reader names no
 * image of which the field is a version, by the key it reads it as: writing the field moves no image there.
 */
export type ReaderJudge = (reader: Reader) => {
    readonly image: string;
    readonly value: string | undefined;
} | undefined;
/** How a change the sequence writes is reported: the label's kind and document; its key is the field's path. */
export interface WriteLabel {
    readonly kind: ChangeLabel["kind"];
    readonly document: YamlDocument;
}
/**
 * What a version decision for `image` (a repository) tells of a mapping's merged field (a policy keeping its
 * tag, a dropped digest pin), said at `at` of the mapping, naming where the field is written: the mapping writes no such field.
 */
export declare function mergedVersionNote(plan: EditPlan, at: number, mapping: readonly PathSegment[], field: MappingField, image: string): VersionNote;
/**
 * The text a version field reads: its scalar's, or an alias's (`tag: *t`) anchored scalar's as this run leaves
 * it (plan.valueOf: an alias follows its anchor); undefined for a mapping, a list or no value.
 */
export declare function heldText(plan: EditPlan, root: YamlNode | null, node: YamlNode | null | undefined): string | undefined;
/**
 * Whether a version field of the mapping (its tag or digest, own or merged, named `keys` in that order) is no plain
 * or quoted string: an alias (`tag: *t`), a block scalar, a mapping, a list or a key without a value. Such a field
 * is never edited (an alias's value is written at its anchor, which every alias of it follows), and neither is the
 * other alone, which would name another build: the mapping is left whole. Said at the field (at the mapping's `at`
 * when merged or valueless) when its version would move to `update`'s (`moves`), naming an alias's anchor and line.
 */
export declare function fixedVersion(plan: EditPlan, root: YamlNode | null, { at, mapping, keys }: {
    readonly at: number;
    readonly mapping: readonly PathSegment[];
    readonly keys: readonly [string, string];
}, fields: readonly (MappingField | undefined)[], update: ImageUpdate, moves: boolean): boolean;
/** Whether a field the mapping writes itself is a marker's: so is the rest of its mapping. A merged one is its own mapping's (plan.valueOf). */
export declare function claimedOwn(plan: EditPlan, fields: readonly (MappingField | undefined)[]): boolean;
/**
 * Writes a mapping's version, all of it or none: none when a merged field will not hold its new value
 * (mergedHold), a field of its own, written or added, would move another mapping reading it another way
 * (sharedHold, by `judge`), or the tag of one (`!!float 1.0`, `newTag: !!int 1`) cannot hold its value, said
 * in a warning. Else tells what the version decision says (`say`), writes the fields the mapping writes itself,
 * then adds the keys it lacks (`adds`, after its last value, which may be an empty one set here). False when the pair is left.
 */
export declare function writeVersion(plan: EditPlan, pair: VersionPair, { writes, adds }: {
    readonly writes: readonly FieldWrite[];
    readonly adds?: readonly FieldAdd[];
}, judge: ReaderJudge, say: () => void, label: WriteLabel): boolean;
