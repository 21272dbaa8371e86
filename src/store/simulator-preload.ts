// Starts fetching the simulator's code before its first use, so a page that is about to run it (the player,
// a live lab) downloads it alongside its own code instead of after it. Loading runs nothing; errors are left
// to the real import, which reports them.
export function preloadSimulator(): void {
  void import('../sim/index').catch(() => undefined);
}
