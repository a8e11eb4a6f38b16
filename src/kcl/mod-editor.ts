/**
 * Images in a `kcl.mod`'s `[profile] overrides` (mod-overrides.ts), by repository: `kcl run`
 * applies these `-O` specs after the source, so an image set there is the one it renders,
 * whatever the `.k` files hold. A spec whose value is one string holding an image of an
 * incoming repository gets the next reference, written in the file's own bytes; one whose
 * image cannot be written there (another form of value, a TOML string that cannot hold the
 * new text) is named in a warning at its line and left as it is: the decision of
 * spec-image.ts, which the settings kept in YAML share (yaml/kcl-overrides.ts). A file KCL's
 * reader refuses (a TOML 1.1 escape, mod-overrides.ts) is refused whole, as kcl run refuses it.
 */
import type { EditResult, FieldChange, FullEditRequest, Warning, WarningKind } from "../change.js";
import { formatImageRef } from "../image/reference.js";
import { byRepository, staleImageIn } from "../image/update.js";
import { applySplices, byPosition, type Splice } from "../text/splice.js";
import { modOverrides } from "./mod-overrides.js";
import { nextSpecImage } from "./spec-image.js";

const UNEDITED = "so the image kcl run renders (these overrides apply after the source) stays as it is";

/** Edits a kcl.mod for a request the engine built from what it checked (no library caller edits one). */
export function editKclMod(text: string, request: FullEditRequest): EditResult {
  const incoming = byRepository(request.images);
  const changes: FieldChange[] = [];
  const warnings: Warning[] = [];
  const splices: Splice[] = [];
  if (incoming.size === 0) return { text, changes, warnings };
  for (const override of modOverrides(text)) {
    // Named as a YAML setting's spec is (`kcl_cli_configs.overrides[0]: app.image`): the TOML path, then the spec's.
    const key = `${override.misplaced ?? "profile"}.overrides[${override.index}]: ${override.path ?? override.spec}`;
    const warn = (message: string, kind?: WarningKind) => warnings.push({ line: override.line, message: `${key} ${message}`, ...(kind && { kind }) });
    if (override.misplaced !== undefined) {
      const stale = staleImageIn(override.spec, incoming);
      if (stale) warn(misplacedWarning(formatImageRef(stale), override.misplaced));
      continue;
    }
    const image = nextSpecImage(override, incoming, warn, UNEDITED);
    if (image === undefined || image.next === image.value.string) continue;
    const { value, name, next } = image;
    const bytes = value.write(next);
    if (bytes === undefined) {
      warn(
        `holds ${name}, and ${next} would not read as one string once written there; left as it is, ${UNEDITED} (write the value quoted in a "..." TOML string)`,
      );
      continue;
    }
    splices.push({ start: value.start, end: value.end, insert: bytes });
    changes.push({ line: override.line, kind: "override", key, old: value.string, new: next });
  }
  return { text: splices.length === 0 ? text : applySplices(text, splices.sort(byPosition)), changes, warnings };
}

/**
 * KCL reads a kcl.mod's `profile` at the top level only (ModFile's `package`, `profile`,
 * `dependencies`), and ignores keys it does not know: `profile = {...}` written under
 * `[package]` is `package.profile`, whose overrides kcl run never applies.
 */
function misplacedWarning(image: string, table: string): string {
  return (
    `holds ${image}, but KCL reads overrides from the top-level profile only, not from ${table}, ` +
    "so kcl run never applies this spec and it is not edited; move these overrides into the top-level [profile] table"
  );
}
