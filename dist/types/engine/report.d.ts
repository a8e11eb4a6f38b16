/**
 * What a person or a script is told about a plan: the stable JSON shape of DESIGN §6 and
 * a readable per-file summary, grouped by target when targets are configured.
 */
import { type ChangeKind, type Diagnostic, type FieldChange, type Warning } from "../change.js";
import { type FieldNamer } from "../field-name.js";
import type { Plan } from "./plan.js";
export interface JsonReport {
    readonly changed: boolean;
    readonly files: readonly string[];
    /** `op` only where the field was created or deleted (FieldChange.op): `"old": ""` or `"new": ""` without it is an empty string. */
    readonly changes: readonly {
        file: string;
        line: number;
        kind: ChangeKind;
        key: string;
        old: string;
        new: string;
        op?: FieldChange["op"];
        target?: string;
    }[];
    readonly targets?: readonly {
        name: string;
        files: readonly string[];
    }[];
    /** Each `{file, line, message}`, and `kind` when the warning has one, for a script to tell what a warning is without reading its prose. */
    readonly warnings: readonly Warning[];
    /** Why nothing was written, when the request was refused (the exit code is 1 then). */
    readonly errors?: readonly Diagnostic[];
}
export declare function jsonReport(plan: Plan): JsonReport;
/** The same shape for a refused request, so a script reading stdout still gets one JSON object. */
export declare function jsonRefusal(issues: readonly Diagnostic[]): JsonReport;
/**
 * A change's old or new value as a person reads it in a one-line summary (valueBefore,
 * valueAfter): no value (a field an override creates has no old, one it deletes no new) is
 * "(none)", an empty string `""`, and a value written over several lines (a list a `+=`
 * extends) is shown on one. JSON keeps the exact text, and the op.
 */
export declare function shownValue(value: string | undefined): string;
/**
 * Why a run changed nothing, as far as the plan tells, after "nothing to change: ". Every field the set specs name
 * holds its value (a spec that cannot be set is an error). Every image field found holds its new value,
 * except where a warning says why it was left, those set aside apart: said both, as a warning
 * that explains one file (a base in no target) must not hide that the rest is done (a re-run).
 * "Any other", not "every other": the plan does not know whether a field beside those warned about exists.
 * `fieldName` names the set specs as the face takes them; `warningsShown`, where the face shows the warnings: the CLI
 * prints them before this line, the Action's job summary lists them after it.
 */
export declare function whyNothingChanged(plan: Plan, fieldName?: FieldNamer, warningsShown?: "above" | "below"): string;
/** Per-file summary (old -> new), grouped by target; with `diff`, the unified diff of each file. */
export declare function humanReport(plan: Plan, options?: {
    diff?: boolean | undefined;
    dryRun?: boolean | undefined;
}): string;
export declare function formatWarning(w: Warning): string;
/** An error as the CLI prints it, each one a line as a warning is: `error: file:line: message`, whatever refused the run (bad usage too). */
export declare function formatError(d: Diagnostic): string;
