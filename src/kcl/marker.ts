/**
 * Flux image-automation setter markers in KCL comments, with the grammar of Flux's YAML
 * markers: the comment is exactly one JSON object of strings holding `$imagepolicy`,
 * whose value is `<ns>:<name>` optionally followed by `:tag`, `:name` or `:digest`.
 */
export type MarkerField = "image" | "tag" | "name" | "digest";

export interface SetterMarker {
  /** `<ns>:<name>`, the key EditRequest.setters is indexed by. */
  readonly key: string;
  /** Which part of the image the marked string holds. */
  readonly field: MarkerField;
}

export type MarkerReading = { readonly marker: SetterMarker } | { readonly error: string } | undefined;

/** Read a comment's text (with its `#`): a marker, an invalid marker (error), or not a marker. */
export function readSetterMarker(comment: string): MarkerReading {
  const body = comment.replace(/^#/, "").trim();
  if (!body.startsWith("{") || !body.includes('"$imagepolicy"')) return undefined;
  let object: unknown;
  try {
    object = JSON.parse(body);
  } catch {
    return { error: `marker ${body} is not a JSON object` };
  }
  if (typeof object !== "object" || object === null || Array.isArray(object)) return { error: `marker ${body} is not a JSON object` };
  const entries = Object.entries(object);
  if (!entries.every(([, v]) => typeof v === "string")) return { error: `marker ${body} holds a value that is not a string` };
  const policy = (object as Record<string, string>)["$imagepolicy"];
  if (policy === undefined) return undefined;
  const parts = policy.split(":");
  if (parts.length < 2 || parts.length > 3 || parts[0] === "" || parts[1] === "")
    return { error: `marker value "${policy}" is not <namespace>:<policy>[:tag|:name|:digest]` };
  const suffix = parts[2];
  if (suffix !== undefined && suffix !== "tag" && suffix !== "name" && suffix !== "digest")
    return { error: `marker suffix ":${suffix}" is not :tag, :name or :digest` };
  return { marker: { key: `${parts[0]}:${parts[1]}`, field: suffix ?? "image" } };
}
