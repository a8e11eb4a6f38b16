/**
 * What the editors agree on while they run over one parsed file: which nodes are already
 * governed by an editor (a marked field belongs to its marker only), the splices to make,
 * and the changes and warnings to report.
 */
import { type FieldChange, type FieldEditResult, type FullEditRequest, type WarningAbout, type WarningKind } from "../change.js";
import type { YamlDocument, YamlFile } from "./file.js";
import type { VersionNote } from "../image/update.js";
import type { FlowScalar, MapNode, YamlNode } from "./node.js";
import { type Splice } from "../text/splice.js";
/** One editor of DESIGN §2: reads the parsed file and records its edits in the plan. */
export type Editor = (file: YamlFile, request: FullEditRequest, plan: EditPlan) => void;
/** How a change is reported, apart from what the plan knows itself (line, old, new). */
export interface ChangeLabel {
    readonly kind: FieldChange["kind"];
    readonly key: string;
    readonly document: YamlDocument;
}
/** A splice and the change it makes. */
export interface PlannedChange {
    readonly splice: Splice;
    readonly change: Omit<FieldChange, "line">;
}
export interface PlannedWarning {
    readonly offset: number;
    readonly message: string;
    readonly kind?: WarningKind;
    readonly about?: WarningAbout;
}
export declare class EditPlan {
    readonly file: YamlFile;
    private readonly claimed;
    private readonly planned;
    /** The value each scalar set so far is given: what a mapping merging it (`<<: *img`) reads. */
    private readonly values;
    private readonly warnings;
    constructor(file: YamlFile);
    /** Reserves a node for the current editor: later editors leave it alone. */
    claim(node: YamlNode): void;
    isClaimed(node: YamlNode | null | undefined): boolean;
    /** What `node` holds once the plan is applied. */
    valueOf(node: FlowScalar): string;
    /**
     * Makes `node` hold `value` (no change when it already does) and claims it; `verbatim` as scalarSplice. A node
     * whose tag cannot hold `value` (`!!float 1.0`, splice.ts tagHolds) is left as it is, with a warning.
     */
    setScalar(node: FlowScalar, value: string, inFlow: boolean, label: ChangeLabel, verbatim?: boolean): void;
    /** Adds `key: value` as a new last pair of `map` (several keys: the value nested under them). */
    addPair(map: MapNode, keys: readonly [string, ...string[]], value: string, label: ChangeLabel): void;
    /** Plans a splice the caller rendered itself: an edit made in a text held inside one of this file's scalars, moved to this file's offsets. */
    addSplice(splice: Splice, change: Omit<FieldChange, "line">): void;
    warn(offset: number, message: string, kind?: WarningKind, about?: WarningAbout): void;
    /**
     * What a field's version decision for `image` (a repository) tells (VersionNote), said at `offset` after the field's
     * name and kept as what the warning is about: an override the same decision moves says it no more (overrides.ts).
     */
    versionNote(offset: number, field: string, image: string | undefined): VersionNote;
    /** What is planned so far, at offsets of this plan's file: for an editor that moves it into a file holding this text in a scalar. */
    edits(): {
        readonly changes: readonly PlannedChange[];
        readonly warnings: readonly PlannedWarning[];
    };
    /**
     * The edited text (the input itself when nothing changed) and what changed, in document
     * order. Lines are those of the edited text (an added pair is on a line of its own).
     * Its warnings keep what they are about, for the engine (FieldWarning).
     */
    result(): FieldEditResult;
}
