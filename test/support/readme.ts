import { readFileSync } from "node:fs";

/** The README as the repository holds it (tests run from the project root). */
export const readme = readFileSync("README.md", "utf8");

/** The first fenced block of `lang` (`""`: a block with no language) after `marker` in the README. */
export function blockAfter(marker: string, lang: string): string {
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no ${JSON.stringify(marker)}`);
  const block = new RegExp("```" + lang + "\\n([^]*?)```").exec(readme.slice(at));
  if (!block) throw new Error(`README has no ${lang || "plain"} block after ${JSON.stringify(marker)}`);
  return block[1] ?? "";
}
