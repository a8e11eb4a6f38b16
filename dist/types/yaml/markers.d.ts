import { type ScalarNode } from "./node.js";
import type { Editor } from "./plan.js";
/**
 * The comment that may mark a scalar: the line comment after its value, else the head
 * comment (the comment lines directly above it, when the scalar opens its line, as in a
 * list item or a value on its own line). A comment above `key: value` belongs to the key.
 */
export declare function markerComment(text: string, node: ScalarNode): string | undefined;
export declare const editMarkers: Editor;
