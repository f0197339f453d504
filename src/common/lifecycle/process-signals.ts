/**
 * Runs `handler` on the first of `signals`, once: its listeners are gone after it, so a second
 * signal during the shutdown ends the process at once (the default action), as a second
 * Ctrl-C is expected to.
 */
export function onFirstSignal(
  handler: (signal: NodeJS.Signals) => void,
  signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): void {
  const once = (signal: NodeJS.Signals) => {
    for (const name of signals) process.removeListener(name, once);
    handler(signal);
  };
  for (const name of signals) process.on(name, once);
}
