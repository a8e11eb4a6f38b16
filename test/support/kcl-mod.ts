/**
 * A kcl.mod whose `[profile] overrides` holds specs in multi-line TOML strings: one-line ones of both
 * kinds (basic, literal), and one over lines with a line-ending backslash and a \u0022 quote, each
 * setting ghcr.io/acme/web:1.2.3; `more` are items added after them (each a line, its comma included).
 * Read by the reader (test/kcl/mod-overrides.test.ts) and the editor (test/kcl/mod-editor.test.ts) alike.
 */
export function multiLineMod(...more: string[]): string {
  return [
    "[profile]",
    "overrides = [",
    `  """tpl.image="ghcr.io/acme/web:1.2.3\\"""",`,
    `  '''lit.image="ghcr.io/acme/web:1.2.3"''',`,
    `  """`,
    `  app.image="ghcr.io/acme/web:\\`,
    `      1.2.3\\u0022`,
    `  """,`,
    ...more,
    "]",
    "",
  ].join("\n");
}
