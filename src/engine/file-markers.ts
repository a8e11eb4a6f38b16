/**
 * The Flux markers of a file as its editor reads them, by the file's kind: in YAML after a value
 * or above one (yamlMarkers), in KCL after a value on its line (kclMarkers, the editor's own
 * reading of the tokens), none in a kcl.mod, whose TOML comments no editor reads. Every question
 * of which markers a file has, or whether it marks a key, is answered here, so a marker is
 * counted where it is set: one the editor does not read (above `key: value`, after a flow
 * collection, in a block scalar's text; in KCL on a line of its own, after a closer or a string
 * begun on an earlier line) marks nothing.
 */
import { SourceError } from "../change.js";
import { MARKER_TOKEN, readMarker, type Marker, type MarkerLine } from "../image/marker.js";
import { kclMarkers, markerComments } from "../kcl/markers.js";
import { parseKcl } from "../kcl/parser.js";
import type { Tokens } from "../kcl/tokenizer.js";
import { yamlMarkers } from "../yaml/markers.js";
import { fileKind } from "./file-kind.js";

/** The markers of a file, in line order; a text without the marker token is not read further. */
export function fileMarkers(path: string, text: string): readonly MarkerLine[] {
  if (!text.includes(MARKER_TOKEN)) return [];
  switch (fileKind(path)) {
    case "yaml":
      return yamlMarkers(text);
    case "kcl":
      return kclMarkers(text);
    default:
      return [];
  }
}

/** Whether the file marks a key (any of its fields), read once, at the first question. */
export function marksOf(path: string, text: string): (key: string) => boolean {
  let keys: ReadonlySet<string> | undefined;
  return (key) => (keys ??= new Set(fileMarkers(path, text).map(({ marker }) => marker.key))).has(key);
}

/** A marker written where its editor reads none, and its comment's line. */
export interface MisplacedMarker {
  readonly marker: Marker;
  readonly line: number;
}

/**
 * The markers of a file its editor reads nowhere, each at its comment's line, where the editor warns
 * of it: in KCL the places markerComments finds following no string of their line (a comment line of
 * its own, after a closer). The user marked the field, in the wrong place: advice to add a marker
 * points here instead. Asked only where such advice is given, so a file is parsed again only then.
 */
export function misplacedMarkers(path: string, text: string): readonly MisplacedMarker[] {
  if (!text.includes(MARKER_TOKEN) || fileKind(path) !== "kcl") return [];
  let tokens: Tokens;
  try {
    ({ tokens } = parseKcl(text));
  } catch (error) {
    if (error instanceof SourceError) return [];
    throw error;
  }
  return [...markerComments(tokens)].flatMap((place) => {
    const reading = "token" in place ? undefined : readMarker(place.comment);
    return reading && "marker" in reading ? [{ marker: reading.marker, line: place.line }] : [];
  });
}
