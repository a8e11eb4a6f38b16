import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The README as the repository holds it (tests run from the project root). */
export const readme = readFileSync("README.md", "utf8");

/** The pages under docs/ the README links to, by file name (`library.md`). */
export const docs: ReadonlyMap<string, string> = new Map(
  readdirSync("docs")
    .filter((file) => file.endsWith(".md"))
    .map((file) => [file, readFileSync(join("docs", file), "utf8")]),
);

/** The text of docs/`name`. */
export function doc(name: string): string {
  const text = docs.get(name);
  if (text === undefined) throw new Error(`docs/ has no ${name}`);
  return text;
}

/** The first fenced block of `lang` (`""`: a block with no language) after `marker` in `text` (the README by default). */
export function blockAfter(marker: string, lang: string, text = readme): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no ${JSON.stringify(marker)} in the document`);
  const block = new RegExp("```" + lang + "\\n([^]*?)```").exec(text.slice(at));
  if (!block) throw new Error(`no ${lang || "plain"} block after ${JSON.stringify(marker)}`);
  return block[1] ?? "";
}
