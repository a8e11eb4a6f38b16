/**
 * The token `dispatch` sends with, read from the environment as gh reads it: GH_TOKEN, else
 * GITHUB_TOKEN ("in order of precedence", `gh help environment`). In a workflow GITHUB_TOKEN is
 * often set for every step, the job's own token, which reaches only its repository; GH_TOKEN is
 * set on purpose, most often to the App or personal token that reaches the manifests repository.
 * An empty variable counts as unset, as it does for gh.
 */

/** The variables read, first first. */
export const TOKEN_VARIABLES = ["GH_TOKEN", "GITHUB_TOKEN"] as const;

export interface EnvironmentToken {
  readonly token: string;
  /** The variable it was read from. */
  readonly variable: (typeof TOKEN_VARIABLES)[number];
  /** How a message names it, never by its value: `the token in GH_TOKEN`, and the variable it was read before when that is set too. */
  readonly named: string;
}

/** The token in `env`, or undefined when neither variable holds one. */
export function tokenFromEnv(env: Readonly<Record<string, string | undefined>>): EnvironmentToken | undefined {
  const set = TOKEN_VARIABLES.filter((name) => env[name]);
  const [variable, passedOver] = set;
  if (variable === undefined) return undefined;
  const named = `the token in ${variable}${passedOver ? ` (read before ${passedOver}, which is set too)` : ""}`;
  return { token: env[variable]!, variable, named };
}
