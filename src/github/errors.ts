/** Reading Octokit's errors without trusting their shape. */

/** The HTTP status of a request error, undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Retries `call` while GitHub has not caught up with an object it just made (a new pull
 * request answering 422 "Could not resolve to a node"; create-pull-request #4321).
 */
export async function whenVisible<T>(call: () => Promise<T>, attempts = 4, delayMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !/could not resolve to a node|not found/i.test(errorMessage(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}
