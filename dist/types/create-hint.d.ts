/**
 * How a person asks for a missing path to be created, said alike by every file kind's override: in the
 * terms of the face that runs (`--create`, `create: true`), or of every face where none is known (an
 * editor or the engine called from the library).
 */
import type { FieldNamer } from "./field-name.js";
export declare function createHint(what: string, name?: FieldNamer): string;
