/** The KCL corpora of ../shared/conformance/kcl-override, read in place. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

export const KCL_CONFORMANCE = "../shared/conformance/kcl-override";

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith(".k")) out.push(path);
  }
  return out;
}

/** Every valid program: grammar tests without a stderr.golden beside them, konfig, flask demo. */
export function validCorpusFiles(): string[] {
  const grammar = walk(join(KCL_CONFORMANCE, "corpus-kcl-grammar"), []).filter((f) => !existsSync(join(dirname(f), "stderr.golden")));
  return [...grammar, ...walk(join(KCL_CONFORMANCE, "corpus-konfig"), []), ...walk(join(KCL_CONFORMANCE, "corpus-flask-demo"), [])];
}

export function readConformance(path: string): string {
  return readFileSync(join(KCL_CONFORMANCE, path), "utf8");
}
