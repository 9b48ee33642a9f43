import { Logger } from '@nestjs/common';

export interface RepeatingJob {
  /** Stops the timer and waits for a pass that is still running. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` in this process every `everyMs` milliseconds (never when `everyMs` is 0), for
 * background work such as sending mail, reminding and deleting old data. A pass still
 * running when the next is due is not doubled; a failed pass is logged and the next one
 * tries again. Work that several instances run must keep itself apart in the database
 * (SKIP LOCKED, unique claims, advisory locks): this timer knows only its own process.
 */
export function repeatEvery(everyMs: number, pass: () => Promise<unknown>, logger: Logger, what: string): RepeatingJob {
  let running: Promise<unknown> | undefined;
  const timer =
    everyMs > 0
      ? setInterval(() => {
          running ??= pass()
            .catch((error: Error) => logger.error(`${what} failed: ${error?.message ?? error}`))
            .finally(() => (running = undefined));
        }, everyMs)
      : undefined;
  timer?.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
