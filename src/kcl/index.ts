/** KCL support: tokenizer, parser subset, override specs, image editor. Pure functions over text. */
export { tokenize, T, StringFlag, type Tokens } from "./tokenizer.js";
export { SourceText } from "./source.js";
export { parseKcl, parseKclExpression } from "./parser.js";
export type * from "./syntax.js";
export { readStringLiteral, stringLiteralValue, writeStringLiteral, type StringLiteral, type StringStyle } from "./string-literal.js";
export { parseOverrideSpec, parseOverridePath, formatOverridePath, OverrideSpecError, type OverrideSpec, type OverrideOperation } from "./override-spec.js";
export { applyOverrides, type ComputedOverride, type OverrideOptions } from "./override.js";
export { editKcl } from "./editor.js";
