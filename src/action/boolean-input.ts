import { InputError } from "./input-error.js";

/**
 * A boolean input, read as core.getBooleanInput reads YAML 1.2's core schema booleans, but empty
 * is false (`${{ inputs.x }}` of a reusable workflow whose caller left it out) and anything else
 * is an InputError naming the input and its value, as every other input's refusal does.
 */
export function booleanInput(name: string, value: string): boolean {
  const v = value.trim();
  if (v === "" || ["false", "False", "FALSE"].includes(v)) return false;
  if (["true", "True", "TRUE"].includes(v)) return true;
  throw new InputError(`input ${name}: ${JSON.stringify(v)} is not true or false`);
}
