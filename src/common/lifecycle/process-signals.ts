import { logsWritten } from '../logging/logs-written';

/**
 * Ends the process on the first SIGTERM or SIGINT: runs `shutDown`, waits for the log lines
 * to be written (pino writes asynchronously), then exits with 0, or re-raises the signal
 * (`reraise`), which a supervisor reads as the process ending by it; 1 when the shutdown
 * failed. The listeners are gone once the first signal came, so a second one ends the process
 * at once (the default action), as a second Ctrl-C is expected to.
 */
export function endOnFirstSignal(
  shutDown: (signal: NodeJS.Signals) => Promise<void>,
  { reraise = false, onError }: { reraise?: boolean; onError: (error: unknown) => void },
): void {
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
  const once = (signal: NodeJS.Signals) => {
    for (const name of signals) process.removeListener(name, once);
    shutDown(signal)
      .then(() => logsWritten())
      .then(
        () => (reraise ? process.kill(process.pid, signal) : process.exit(0)),
        (error: unknown) => {
          onError(error);
          process.exit(1);
        },
      );
  };
  for (const name of signals) process.on(name, once);
}
