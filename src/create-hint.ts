/**
 * How a person asks for a missing path to be created, in the terms of every face that tells
 * them (the CLI, the Action, the library), said alike by every file kind's override.
 */
export function createHint(what: string): string {
  return `(to add ${what}, use --create, or create: true in the Action or the library)`;
}
