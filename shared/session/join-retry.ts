/**
 * Joins, and joins again while the server answers `session_busy`: two server processes raced to open
 * the same session and this one lost, so the other's room is about to be listed. Anything else fails
 * at once. The wait grows a little each time, with jitter so that racing joiners spread out.
 */
export async function joinPatiently<T>(
  join: () => Promise<T>,
  { attempts = 10, firstDelayMs = 150, random = Math.random } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await join();
    } catch (error) {
      const busy = error instanceof Error && error.message === "session_busy";
      if (!busy || attempt >= attempts) throw error;
      const delay = firstDelayMs * Math.min(attempt, 4) * (0.5 + random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
