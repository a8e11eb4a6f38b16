/**
 * The byte screens a run passes every candidate file through before any parse: most files of a
 * manifests monorepo never hold an incoming image, and a search for a few tokens spares parsing them.
 */
import { MARKER_TOKEN } from "../image/marker.js";
import { screenToken, type ImageRef } from "../image/reference.js";
import { kclScreen } from "../kcl/editor.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { FLUX_IMAGE } from "../yaml/api-groups.js";

/**
 * The byte screen, per kind of file: a file may need an edit only when it holds a marker or
 * an incoming repository, and a YAML file also when it may define Flux image objects or an Argo CD Application(Set).
 * YAML's is one alternation (yamlScreen, which also looks for escapes apart): V8 searches for all tokens at once, ~3x faster than one includes()
 * per token (measured on a 5,000-file tree). KCL's is kclScreen, a wordScreen: in code, where quotes and
 * letters start most tokens, the alternation is slower than looking for each word from its `/`.
 * `argo` and `templated` screen again the few files the YAML one let through as an Application(Set) only.
 */
export function screenFor(images: readonly ImageRef[]): {
  readonly yaml: YamlScreen;
  readonly kcl: (text: string) => boolean;
  readonly argo: YamlScreen;
  readonly templated: readonly string[];
} {
  const tokens = [MARKER_TOKEN, ...images.map(screenToken)];
  const kcl = kclScreen(images);
  // A kcl.mod's markers are not read, but one that holds a marker and no image is rare enough to read for nothing.
  // An ApplicationSet may build an incoming repository from a placeholder (`ghcr.io/acme/{{path.basename}}`), and an
  // Application's tag parameter may take its repository from a chart's values: neither file need spell a token of it.
  // One token for both kinds: a longer one starting with a word every file has (`kind: `) slows the search threefold.
  const argo = yamlScreen([...tokens, FLUX_IMAGE]);
  // A templated reference spells the repository's last segment, or starts with its registry (templatedPin).
  const templated = images.flatMap((image) => [image.repository.slice(image.repository.lastIndexOf("/")), ...firstSegments(image.repository)]);
  return { kcl, yaml: yamlScreen([...tokens, FLUX_IMAGE, "Application"]), argo, templated };
}

/** A YAML screen: the word it found first (`exec`), or a text's escape that may spell one; whether it found either (`test`). */
export type YamlScreen = Pick<RegExp, "exec" | "test">;

/**
 * A `\` after a `"` with no `"` between: the start of an escape in a double-quoted YAML scalar, which may spell any
 * character (`\/`, `\x2f`, `\u002f`) or join two lines (a `\` ending one), so such a file may hold a repository it never
 * spells. A fold without one cannot join a reference's pieces: it leaves a space or line break between them.
 * Linear: the `[^"\\]*` from each `"` ends at the next one.
 */
const DOUBLE_QUOTED_ESCAPE = /"[^"\\]*\\/;

/** Whether a text holds DOUBLE_QUOTED_ESCAPE, so may spell what it holds by escapes; looked for only in a text holding a `\`. */
export function mayHoldEscapes(text: string): boolean {
  return text.includes("\\") && DOUBLE_QUOTED_ESCAPE.test(text);
}

/**
 * `words` as one alternation, and a file they miss let through when it holds DOUBLE_QUOTED_ESCAPE. That is looked
 * for apart, in files holding a `\`: V8 skips ahead by the alternation's shortest word, so a one-character word
 * in it makes the search ~7x slower on every file (measured on the bench's manifests).
 */
function yamlScreen(words: readonly string[]): YamlScreen {
  const alternation = new RegExp(words.map(escapeRegExp).join("|"));
  return {
    exec: (text) => alternation.exec(text) ?? (mayHoldEscapes(text) ? DOUBLE_QUOTED_ESCAPE.exec(text) : null),
    test: (text) => alternation.test(text) || mayHoldEscapes(text),
  };
}

/** The first path segment of each spelling of a repository: `ghcr.io`; `docker.io`, `library` and `nginx` for Docker Hub's `library/nginx`. */
function firstSegments(repository: string): string[] {
  const [host, ...path] = repository.split("/");
  if (host !== "docker.io") return [host!];
  return path[0] === "library" ? [host, "library", path[1]!] : [host, path[0]!];
}
