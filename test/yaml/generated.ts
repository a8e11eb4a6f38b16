/**
 * Generated YAML files for property tests: nested mappings and lists, block and flow style,
 * comments, every quoting style, containers with images, Helm pairs, several documents,
 * LF or CRLF.
 */
import fc from "fast-check";
import { DIGEST_A } from "./helpers.js";

type Tree =
  | { readonly scalar: string }
  | { readonly map: readonly (readonly [string, Tree])[]; readonly flow: boolean }
  | { readonly seq: readonly Tree[]; readonly flow: boolean };

const IMAGES = [
  "nginx:1.25",
  "docker.io/library/nginx:1.25",
  "ghcr.io/acme/app:1.0.0",
  `ghcr.io/acme/app:1.0.0@${DIGEST_A}`,
  "ghcr.io/acme/app",
  "ghcr.io/other/app:3",
];
const TAGS = ["1.9", "v1.0.0", "1.0.0", "20240101", "latest", ""];
const WORDS = ["a", "b", "name", "config", "spec", "items", "on", "true", "1.10", "x y", "it's", 'say "hi"', "é", "tab\there", "multi\nline"];

/** A value in one of the three flow styles; plain only for text that reads back as itself. */
function rendered(text: string, plainSafe: boolean): fc.Arbitrary<string> {
  const styles = [fc.constant(JSON.stringify(text))];
  if (!/[\n\t]/.test(text)) styles.push(fc.constant(`'${text.replaceAll("'", "''")}'`));
  if (plainSafe) styles.push(fc.constant(text));
  return fc.oneof(...styles);
}

const image = fc.constantFrom(...IMAGES).chain((ref) => rendered(ref, true));
// Plain numbers (`tag: 1.9`) and empty values (`tag:`) are what Helm values files hold too.
const tag = fc.constantFrom(...TAGS).chain((value) => rendered(value, true));
const word = fc.constantFrom(...WORDS).chain((value) => rendered(value, /^[a-z]+$/.test(value)));

const container: fc.Arbitrary<Tree> = fc.record({ name: word, image }).map(({ name, image }) => ({
  map: [
    ["name", { scalar: name }],
    ["image", { scalar: image }],
  ],
  flow: false,
}));
const helmPair: fc.Arbitrary<Tree> = fc
  .record({
    registry: fc.option(fc.constantFrom("ghcr.io", "docker.io")),
    repository: fc.constantFrom("acme/app", "nginx", "ghcr.io/acme/app", "library/nginx"),
    tag,
  })
  .map(({ registry, repository, tag }) => ({
    map: [
      ...(registry ? [["registry", { scalar: registry }] as const] : []),
      ["repository", { scalar: repository }] as const,
      ["tag", { scalar: tag }] as const,
    ],
    flow: false,
  }));

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    word.map((scalar) => ({ scalar })),
    container,
    helmPair,
    fc.record({
      map: fc.uniqueArray(fc.tuple(fc.constantFrom("a", "b", "image", "spec", "values", "containers", "tag"), tie("tree")), {
        minLength: 1,
        maxLength: 4,
        selector: ([key]) => key,
      }),
      flow: fc.boolean(),
    }),
    fc.record({ seq: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }), flow: fc.boolean() }),
  ),
}));

const isCollection = (node: Tree): node is Exclude<Tree, { scalar: string }> => !("scalar" in node);
const flowOnly = (node: Tree): boolean => !isCollection(node) || ("map" in node ? node.map.every(([, v]) => flowOnly(v)) : node.seq.every(flowOnly));

function flowText(node: Tree): string {
  if (!isCollection(node)) return node.scalar;
  return "map" in node ? `{${node.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(", ")}}` : `[${node.seq.map(flowText).join(", ")}]`;
}

/** Block lines for a collection at `indent`; flow collections of scalars stay on one line. */
function blockLines(node: Tree, indent: string, comment: (i: number) => string): string[] {
  if (!isCollection(node)) throw new Error("a scalar has no block form");
  const inline = (value: Tree) => !isCollection(value) || (value.flow && flowOnly(value));
  if ("map" in node) {
    return node.map.flatMap(([key, value], i) =>
      inline(value)
        ? [`${indent}${key}: ${flowText(value)}${isCollection(value) ? "" : comment(i)}`]
        : [`${indent}${key}:${comment(i + 1)}`, ...blockLines(value, `${indent}  `, comment)],
    );
  }
  return node.seq.flatMap((item, i) => {
    if (inline(item)) return [`${indent}- ${flowText(item)}${isCollection(item) ? "" : comment(i)}`];
    const [first, ...rest] = blockLines(item, `${indent}  `, comment);
    return [`${indent}- ${first!.trimStart()}`, ...rest];
  });
}

const document = fc
  .record({
    root: fc.uniqueArray(fc.tuple(fc.constantFrom("spec", "image", "values", "containers", "x"), tree), {
      minLength: 1,
      maxLength: 3,
      selector: ([key]) => key,
    }),
    comments: fc.array(fc.constantFrom("", "", " # note", "   #  spaced", " #{json}"), { minLength: 8, maxLength: 8 }),
  })
  .map(({ root, comments }) => blockLines({ map: root, flow: false }, "", (i) => comments[i % comments.length]!).join("\n"));

export const yamlFile = fc
  .record({ documents: fc.array(document, { minLength: 1, maxLength: 3 }), separatorComment: fc.boolean(), crlf: fc.boolean() })
  .map(({ documents, separatorComment, crlf }) => {
    const text = `${documents.join(separatorComment ? "\n--- # next\n# between documents\n" : "\n---\n")}\n`;
    return crlf ? text.replaceAll("\n", "\r\n") : text;
  });
