// Time bounds that hold on a loaded machine: instead of a fixed number of milliseconds, a test
// compares the work it bounds with a reference measured beside it, in turn, in the same test. A
// busy machine slows both alike; the fastest of a few rounds is the least disturbed of each.

/**
 * Runs each task once per round, in turn (a, b, a, b, …), and returns each one's fastest wall
 * time in milliseconds. A task gets the round's number, e.g. for a unique version name.
 */
export async function fastestSideBySide(
  tasks: ReadonlyArray<(round: number) => unknown>,
  rounds = 3,
): Promise<number[]> {
  const fastest = tasks.map(() => Infinity)
  for (let round = 0; round < rounds; round++)
    for (const [index, task] of tasks.entries()) {
      const started = performance.now()
      await task(round)
      fastest[index] = Math.min(fastest[index], performance.now() - started)
    }
  return fastest
}
