/**
 * Images in a `kcl.mod`'s `[profile] overrides` (mod-overrides.ts), by repository: `kcl run`
 * applies these `-O` specs after the source, so an image set there is the one it renders,
 * whatever the `.k` files hold. A spec whose value is one string holding an image of an
 * incoming repository gets the next reference, written in the file's own bytes; one whose
 * image cannot be written there (another form of value, a TOML string that cannot hold the
 * new text) is named in a warning at its line and left as it is, as the YAML settings are
 * (yaml/kcl-overrides.ts).
 */
import { type EditRequest, type EditResult } from "../change.js";
export declare function editKclMod(text: string, request: EditRequest): EditResult;
