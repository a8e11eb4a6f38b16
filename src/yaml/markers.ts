/**
 * Flux setter markers in YAML: `image: repo:tag # {"$imagepolicy": "<ns>:<name>"}` and the
 * `:tag`, `:name`, `:digest` variants. Which comment may mark a scalar is kyaml's rule (its
 * line comment, else its head comment: the first non-empty one decides); the grammar and
 * the values written are image/marker.ts. Only scalars are set, always as a whole value.
 */
import { MARKER_TOKEN, MarkedFields, readMarker } from "../image/marker.js";
import { isFlowScalar, type ScalarNode } from "./node.js";
import type { Editor } from "./plan.js";
import { forEachValue } from "./walk.js";

/**
 * The comment that may mark a scalar: the line comment after its value, else the head
 * comment (the comment lines directly above it, when the scalar opens its line, as in a
 * list item or a value on its own line). A comment above `key: value` belongs to the key.
 */
export function markerComment(text: string, node: ScalarNode): string | undefined {
  const { start, end: valueEnd } = node;
  const isBlock = node.style === "literal" || node.style === "folded";
  // A block scalar's line comment sits on its header line (`key: | # ...`), not after its content.
  const header = /[|>][0-9+-]*/y;
  header.lastIndex = start;
  const after = isBlock ? start + (header.exec(text)?.[0].length ?? 0) : valueEnd;
  const lineEnd = text.indexOf("\n", after);
  const lineComment = /^[ \t]*(#.*)$/.exec(text.slice(after, lineEnd < 0 ? text.length : lineEnd).trimEnd());
  if (lineComment && after > start) return lineComment[1];
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  // Before the value on its line: only indentation, `- ` indicators, an anchor or a tag.
  if (!/^[ \t]*(?:-[ \t]+)*(?:[&!][^\s]*[ \t]+)*$/.test(text.slice(lineStart, start))) return undefined;
  const head: string[] = [];
  for (let end = lineStart - 1; end > 0;) {
    const begin = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(begin, end).trim();
    if (!line.startsWith("#")) break;
    head.unshift(line);
    end = begin - 1;
  }
  return head.length > 0 ? head.join("\n") : undefined;
}

export const editMarkers: Editor = (file, request, plan) => {
  // Flux never parses a file without its screening token.
  if (!file.text.includes(MARKER_TOKEN)) return;
  const marked = new MarkedFields(request);
  file.documents.forEach((document, index) => {
    forEachValue(document.root, ({ node, inFlow }) => {
      if (node.kind !== "scalar") return;
      const comment = markerComment(file.text, node);
      const reading = comment === undefined ? undefined : readMarker(comment);
      if (reading === undefined) return;
      plan.claim(node);
      if ("error" in reading) {
        plan.warn(node.start, reading.error);
        return;
      }
      const { marker } = reading;
      const site = { marker, text: node.text, document: index, warn: (message: string) => plan.warn(node.start, message) };
      marked.add(
        isFlowScalar(node)
          ? { ...site, write: (value) => plan.setScalar(node, value, inFlow, { kind: "setter", key: marker.setter, document }) }
          : { ...site, refusal: `Flux setter "${marker.setter}" marks a block scalar, which is never edited` },
      );
    });
  });
  marked.writeAll();
};
