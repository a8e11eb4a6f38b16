/**
 * What a person or a script is told about a plan: the stable JSON shape of DESIGN §6 and
 * a readable per-file summary, grouped by target when targets are configured.
 */
import {
  formatDiagnostic,
  isAside,
  valueAfter,
  valueBefore,
  type Change,
  type ChangeKind,
  type Diagnostic,
  type FieldChange,
  type Warning,
} from "../change.js";
import { byFlag, type FieldNamer } from "../field-name.js";
import { counted } from "../text/counted.js";
import { unifiedDiff } from "./diff.js";
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
  readonly targets?: readonly { name: string; files: readonly string[] }[];
  /** Each `{file, line, message}`, and `kind` when the warning has one, for a script to tell what a warning is without reading its prose. */
  readonly warnings: readonly Warning[];
  /** Why nothing was written, when the request was refused (the exit code is 1 then). */
  readonly errors?: readonly Diagnostic[];
}

export function jsonReport(plan: Plan): JsonReport {
  return {
    changed: plan.files.length > 0,
    files: plan.files.map((f) => f.path),
    changes: plan.changes.map(({ file, line, kind, key, old, new: value, op, target }) => ({
      file,
      line,
      kind,
      key,
      old,
      new: value,
      ...(op && { op }),
      ...(target && { target }),
    })),
    ...(plan.targets.length > 0 && {
      targets: plan.targets.map((t) => ({ name: t.name, files: plan.files.filter((f) => f.target === t.name).map((f) => f.path) })),
    }),
    warnings: plan.warnings.map((w) => ({ ...inReadmeOrder(w), ...(w.kind && { kind: w.kind }) })),
  };
}

/** The same shape for a refused request, so a script reading stdout still gets one JSON object. */
export function jsonRefusal(issues: readonly Diagnostic[]): JsonReport {
  return { changed: false, files: [], changes: [], warnings: [], errors: issues.map(inReadmeOrder) };
}

/**
 * README's shape, whichever code path made the warning or error: `{"file", "line", "message"}` in
 * that order, `file` and `line` only when it has them; what a warning is flagged with for the
 * engine or the human report (`about`, `aside`) is no part of it.
 */
function inReadmeOrder({ file, line, message }: Diagnostic): Diagnostic {
  return { ...(file !== undefined && { file }), ...(line !== undefined && { line }), message };
}

/**
 * A change's old or new value as a person reads it in a one-line summary (valueBefore,
 * valueAfter): no value (a field an override creates has no old, one it deletes no new) is
 * "(none)", an empty string `""`, and a value written over several lines (a list a `+=`
 * extends) is shown on one. JSON keeps the exact text, and the op.
 */
export function shownValue(value: string | undefined): string {
  return value === undefined ? "(none)" : value === "" ? '""' : value.replace(/\s*\n\s*/g, " ");
}

function changeLine(c: Change): string {
  return `  ${String(c.line).padStart(4)}  ${c.kind.padEnd(9)} ${c.key}: ${shownValue(valueBefore(c))} -> ${shownValue(valueAfter(c))}`;
}

/**
 * Why a run changed nothing, as far as the plan tells, after "nothing to change: ". Every field the set specs name
 * holds its value (a spec that cannot be set is an error). Every image field found holds its new value,
 * except where a warning says why it was left, those set aside apart: said both, as a warning
 * that explains one file (a base in no target) must not hide that the rest is done (a re-run).
 * "Any other", not "every other": the plan does not know whether a field beside those warned about exists.
 * `fieldName` names the set specs as the face takes them; `warningsShown`, where the face shows the warnings: the CLI
 * prints them before this line, the Action's job summary lists them after it.
 */
export function whyNothingChanged(plan: Plan, fieldName: FieldNamer = byFlag, warningsShown: "above" | "below" = "above"): string {
  // A run brings images, setter values or set specs: without the first two, it was the specs alone.
  if (plan.images.length === 0) return `every field the ${fieldName("set")} specs name already holds its value`;
  if (plan.warnings.every(isAside)) return "every image field found already holds its new value";
  // Every incoming image, and every setter value, reached no field (no file holds it, no marker uses its key): none was found to hold its value.
  if (plan.warnings.filter((w) => w.kind === "unreached").length >= plan.images.length) return `the warnings ${warningsShown} say why`;
  return `the warnings ${warningsShown} say what was left and why; any other image field found already holds its new value`;
}

/** Per-file summary (old -> new), grouped by target; with `diff`, the unified diff of each file. */
export function humanReport(plan: Plan, options: { diff?: boolean | undefined; dryRun?: boolean | undefined } = {}): string {
  const out: string[] = [];
  const groups = plan.targets.length > 0 ? [...plan.targets.map((t) => t.name), undefined] : [undefined];
  for (const group of groups) {
    const files = plan.files.filter((f) => f.target === group);
    if (files.length === 0) continue;
    if (group !== undefined) out.push(`target ${group}:`);
    else if (plan.targets.length > 0) out.push("outside any target (markers and overrides):");
    for (const file of files) {
      out.push(file.path, ...file.changes.map(changeLine));
      // Only the diff's final line break goes: a CRLF line or trailing spaces of the last line are part of the patch.
      if (options.diff) out.push(unifiedDiff(file.path, file.before, file.after).replace(/\n$/, ""));
    }
  }
  const n = plan.files.length;
  const verb = options.dryRun ? "would change" : "changed";
  out.push(
    n === 0
      ? `nothing to change: ${whyNothingChanged(plan)}`
      : `${counted(n, "file")} ${verb}, ${counted(plan.changes.length, "value")}${options.dryRun ? " (dry run: nothing written)" : ""}`,
  );
  return out.join("\n") + "\n";
}

export function formatWarning(w: Warning): string {
  return `warning: ${formatDiagnostic(w)}`;
}

/** An error as the CLI prints it, each one a line as a warning is: `error: file:line: message`, whatever refused the run (bad usage too). */
export function formatError(d: Diagnostic): string {
  return `error: ${formatDiagnostic(d)}`;
}
