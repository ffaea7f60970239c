/**
 * The work the bot has in hand (answers being computed or sent), so that a shutdown can stop taking
 * new work and still finish what users are already waiting for.
 */
export class Workload {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** false once `close()` has been called: callers turn new work away politely */
  get accepting(): boolean {
    return !this.closed;
  }

  get size(): number {
    return this.running.size;
  }

  /** Tracks `work` until it settles; never rejects (callers log their own errors). */
  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
  }

  close(): void {
    this.closed = true;
  }

  /** Waits until nothing is running or `budgetMs` has passed; returns how much was left unfinished. */
  async settle(budgetMs: number): Promise<number> {
    const deadline = Date.now() + budgetMs;
    // work admitted while waiting (the polite refusals) is waited for too
    while (this.running.size && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((done) => (timer = setTimeout(done, deadline - Date.now())));
      await Promise.race([Promise.all(this.running), timeout]);
      clearTimeout(timer);
    }
    return this.running.size;
  }
}
