/**
 * What the editors agree on while they run over one parsed file: which nodes are already
 * governed by an editor (a marked field belongs to its marker only), the splices to make,
 * and the changes and warnings to report.
 */
import {
  versionNoteWarning,
  type ChangeNames,
  type FieldChange,
  type FieldChangeAbout,
  type FieldEditResult,
  type FieldWarning,
  type FullEditRequest,
  type WarningAbout,
  type WarningKind,
} from "../change.js";
import type { YamlDocument, YamlFile } from "./file.js";
import type { VersionNote } from "../image/update.js";
import { LineIndex } from "../text/line-index.js";
import type { FlowScalar, MapNode, YamlNode } from "./node.js";
import { applySplices, byPosition, type Splice } from "../text/splice.js";
import { pairInsertion, scalarSplice, tagHolds, tagWarning } from "./splice.js";

/** One editor of DESIGN §2: reads the parsed file and records its edits in the plan. */
export type Editor = (file: YamlFile, request: FullEditRequest, plan: EditPlan) => void;

/** How a change is reported, apart from what the plan knows itself (line, old, new), and what it names (ChangeNames). */
export interface ChangeLabel extends ChangeNames {
  readonly kind: FieldChange["kind"];
  readonly key: string;
  readonly document: YamlDocument;
}

/** A splice and the change it makes. */
export interface PlannedChange {
  readonly splice: Splice;
  readonly change: Omit<FieldChangeAbout, "line">;
}

export interface PlannedWarning {
  readonly offset: number;
  readonly message: string;
  readonly kind?: WarningKind;
  readonly about?: WarningAbout;
}

export class EditPlan {
  private readonly claimed = new Set<YamlNode>();
  private readonly planned: PlannedChange[] = [];
  /** The value each scalar set so far is given: what a mapping merging it (`<<: *img`) reads. */
  private readonly values = new Map<YamlNode, string>();
  private readonly warnings: PlannedWarning[] = [];

  constructor(readonly file: YamlFile) {}

  /** Reserves a node for the current editor: later editors leave it alone. */
  claim(node: YamlNode): void {
    this.claimed.add(node);
  }

  isClaimed(node: YamlNode | null | undefined): boolean {
    return node !== null && node !== undefined && this.claimed.has(node);
  }

  /** What `node` holds once the plan is applied. */
  valueOf(node: FlowScalar): string {
    return this.values.get(node) ?? node.text;
  }

  /**
   * Makes `node` hold `value` (no change when it already does) and claims it; `verbatim` as scalarSplice. A node
   * whose tag cannot hold `value` (`!!float 1.0`, splice.ts tagHolds) is left as it is, with a warning.
   */
  setScalar(node: FlowScalar, value: string, inFlow: boolean, label: ChangeLabel, verbatim = false): void {
    this.claim(node);
    const old = node.text;
    if (old === value) return;
    // An explicit `!!float` (and the like) holds no string: the field is left, and said to be.
    if (!tagHolds(node, value, verbatim)) {
      return this.warn(node.start, tagWarning(label.kind === "setter" ? `the value Flux setter "${label.key}" marks` : label.key, node, value));
    }
    const splice = scalarSplice(this.file, node, value, inFlow, verbatim);
    this.values.set(node, value);
    this.planned.push({ splice, change: { ...changeOf(label), old, new: value } });
  }

  /** Adds `key: value` as a new last pair of `map` (several keys: the value nested under them). */
  addPair(map: MapNode, keys: readonly [string, ...string[]], value: string, label: ChangeLabel): void {
    const splice = pairInsertion(this.file, map, keys, value);
    this.planned.push({ splice, change: { ...changeOf(label), old: "", new: value, op: "create" } });
  }

  /** Plans a splice the caller rendered itself: an edit made in a text held inside one of this file's scalars, moved to this file's offsets. */
  addSplice(splice: Splice, change: Omit<FieldChangeAbout, "line">): void {
    this.planned.push({ splice, change });
  }

  warn(offset: number, message: string, kind?: WarningKind, about?: WarningAbout): void {
    this.warnings.push({ offset, message, ...(kind && { kind }), ...(about && { about }) });
  }

  /**
   * What a field's version decision for `image` (a repository) tells (VersionNote), said at `offset` after the field's
   * name and kept as what the warning is about: an override the same decision moves says it no more (overrides.ts).
   */
  versionNote(offset: number, field: string, image: string | undefined): VersionNote {
    return (why, kind) => this.warnings.push({ offset, ...versionNoteWarning(field, why, kind, image) });
  }

  /** What is planned so far, at offsets of this plan's file: for an editor that moves it into a file holding this text in a scalar. */
  edits(): { readonly changes: readonly PlannedChange[]; readonly warnings: readonly PlannedWarning[] } {
    return { changes: this.planned, warnings: this.warnings };
  }

  /**
   * The edited text (the input itself when nothing changed) and what changed, in document
   * order. Lines are those of the edited text (an added pair is on a line of its own).
   * Its warnings keep what they are about, for the engine (FieldWarning).
   */
  result(): FieldEditResult {
    const planned = [...this.planned].sort((a, b) => byPosition(a.splice, b.splice));
    const text = applySplices(
      this.file.text,
      planned.map((p) => p.splice),
    );
    const lines = planned.length > 0 ? new LineIndex(text) : undefined;
    const warnings = [...this.warnings].sort((a, b) => a.offset - b.offset);
    const changes: FieldChangeAbout[] = [];
    const placedWarnings: FieldWarning[] = [];
    // One sweep in input order, tracking how far the output has shifted from the input.
    let shift = 0;
    let next = 0;
    const placeWarningsBefore = (offset: number) => {
      for (; next < warnings.length && warnings[next]!.offset < offset; next++) {
        const { offset: at, ...warning } = warnings[next]!;
        placedWarnings.push({ line: lines ? lines.lineAt(at + shift) : this.file.lineAt(at), ...warning });
      }
    };
    for (const { splice, change } of planned) {
      const { start, end, insert } = splice;
      // A warning at the value a splice replaces is on that value's line, read before the splice shifts what follows it.
      placeWarningsBefore(end > start ? start + 1 : start);
      // An added pair is reported on the line of its value: the last line it adds.
      const within = start === end ? insert.trimEnd().search(/\S[^\n]*$/) : 0;
      changes.push({ line: lines!.lineAt(start + shift + within), ...change });
      shift += insert.length - (end - start);
    }
    placeWarningsBefore(Infinity);
    return { text, changes, warnings: placedWarnings };
  }
}

/** What a change labelled `label` reports of itself, with the repository it names where the label has one. */
function changeOf({ kind, key, document, repository }: ChangeLabel): Pick<FieldChangeAbout, "kind" | "key" | "object" | "repository"> {
  return { kind, key, object: document.object, ...(repository !== undefined && { repository }) };
}
