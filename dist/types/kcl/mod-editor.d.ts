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
import type { EditResult, FullEditRequest } from "../change.js";
/** Edits a kcl.mod for a request the engine built from what it checked (no library caller edits one). */
export declare function editKclMod(text: string, request: FullEditRequest): EditResult;
