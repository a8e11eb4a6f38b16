/**
 * The Flux markers of a file as its editor reads them, by the file's kind: in YAML after a value
 * or above one (yamlMarkers), in KCL after a value on its line (kclMarkers, the editor's own
 * reading of the tokens), none in a kcl.mod, whose TOML comments no editor reads. Every question
 * of which markers a file has, or whether it marks a key, is answered here, so a marker is
 * counted where it is set: one the editor does not read (above `key: value`, after a flow
 * collection, in a block scalar's text; in KCL on a line of its own, after a closer or a string
 * begun on an earlier line) marks nothing.
 */
import { MARKER_TOKEN, type MarkerLine } from "../image/marker.js";
import { kclMarkers } from "../kcl/markers.js";
import { yamlMarkers } from "../yaml/markers.js";
import { fileKind } from "./file-kind.js";

/** The markers of a file, in line order; a text without the marker token is not read further. */
export function fileMarkers(path: string, text: string): readonly MarkerLine[] {
  return markersOf(path, text, false);
}

/**
 * The markers of a file its editor reads nowhere, each at the line it warns of it at: in YAML after
 * a flow collection or above `key: value`, in KCL on a comment line of its own or after a closer.
 * The user marked the field, in the wrong place: advice to add a marker points there instead.
 */
export function misplacedMarkers(path: string, text: string): readonly MarkerLine[] {
  return markersOf(path, text, true);
}

function markersOf(path: string, text: string, misplaced: boolean): readonly MarkerLine[] {
  if (!text.includes(MARKER_TOKEN)) return [];
  switch (fileKind(path)) {
    case "yaml":
      return yamlMarkers(text, misplaced);
    case "kcl":
      return kclMarkers(text, misplaced);
    default:
      return [];
  }
}

/** Whether the file marks a key (any of its fields), read once, at the first question. */
export function marksOf(path: string, text: string): (key: string) => boolean {
  let keys: ReadonlySet<string> | undefined;
  return (key) => (keys ??= new Set(fileMarkers(path, text).map(({ marker }) => marker.key))).has(key);
}
