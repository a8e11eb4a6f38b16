import { type MarkerLine } from "../image/marker.js";
import { type AliasNode, type ScalarNode } from "./node.js";
import type { Editor } from "./plan.js";
/**
 * The comment that may mark a scalar (or an alias): the line comment after its value, else the
 * head comment (the comment lines directly above it, when the scalar opens its line, as in a
 * list item or a value on its own line). In a flow collection, the comment after the comma that
 * ends an entry (`[\n  a:1, # ...`) is the entry's line comment, as go-yaml reads it. A comment
 * above `key: value` belongs to the key, and one after an empty value too (emptyValueComment).
 * `floor` is where the value before it ends: a `#` line above that is that value's content (a
 * block scalar's), not a comment.
 */
export declare function markerComment(text: string, node: ScalarNode | AliasNode, floor?: number, inFlow?: boolean): string | undefined;
/** The comment after an empty value (`tag:  # ...`): YAML gives it to the key, so Flux reads no marker there. */
export declare function emptyValueComment(text: string, node: ScalarNode): string | undefined;
/**
 * The markers of a text written as a head comment, found by their token without parsing the
 * file (image/marker.ts's lineMarkers finds those after a value): a comment line of its own,
 * below a line that is no comment, above a line that reads as a scalar opening it with no
 * line comment of its own, as markerComment reads them (a list item, a value on its own
 * line). Each at the marked value's line. A line that reads as a key (`image: app`) is not
 * one: the comment above `key: value` is the key's, and a `#` line of a block scalar's text is
 * no comment (YamlLines tells it by indentation). Text alone cannot tell a key from every
 * scalar; a marker read here that the editor does not read as one marks nothing, and one the
 * editor reads that is missed here is warned about where it is.
 */
export declare function headMarkers(text: string): MarkerLine[];
/**
 * The markers of a YAML text, found without a parse, in line order: after a value (lineMarkers) or
 * above one (headMarkers); not one after a flow collection, which marks nothing (collectionMarkerWarning),
 * nor one in a block scalar's text, which is no comment. `misplaced`: instead those the editor warns
 * of as marking nothing, at the line it warns at: after a flow collection, above `key: value`.
 */
export declare function yamlMarkers(text: string, misplaced?: boolean): MarkerLine[];
export declare const editMarkers: Editor;
