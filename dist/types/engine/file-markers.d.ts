/**
 * The Flux markers of a file as its editor reads them, by the file's kind: in YAML after a value
 * or above one (yamlMarkers), in KCL after a value on its line (kclMarkers, the editor's own
 * reading of the tokens), none in a kcl.mod, whose TOML comments no editor reads. Every question
 * of which markers a file has, or whether it marks a key, is answered here, so a marker is
 * counted where it is set: one the editor does not read (above `key: value`, after a flow
 * collection, in a block scalar's text; in KCL on a line of its own, after a closer or a string
 * begun on an earlier line) marks nothing.
 */
import { type MarkerLine } from "../image/marker.js";
/** The markers of a file, in line order; a text without the marker token is not read further. */
export declare function fileMarkers(path: string, text: string): readonly MarkerLine[];
/**
 * The markers of a file its editor reads nowhere, each at the line it warns of it at: in YAML after
 * a flow collection or above `key: value`, in KCL on a comment line of its own or after a closer.
 * The user marked the field, in the wrong place: advice to add a marker points there instead.
 */
export declare function misplacedMarkers(path: string, text: string): readonly MarkerLine[];
/** Whether the file marks a key (any of its fields), read once, at the first question. */
export declare function marksOf(path: string, text: string): (key: string) => boolean;
