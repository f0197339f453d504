import { PinoLogger } from 'nestjs-pino';
import { symbols, type Logger } from 'pino';

/** pino's own destination (SonicBoom) or transport (ThreadStream): both end with 'close'. */
interface LogStream {
  end(): void;
  once(event: 'close', listener: () => void): unknown;
}

function isLogStream(stream: unknown): stream is LogStream {
  const candidate = stream as Partial<LogStream> | undefined;
  return typeof candidate?.end === 'function' && typeof candidate.once === 'function';
}

/**
 * Resolves once every line `logger` (the app's, unless told) logged so far is written, and
 * closes its log: pino writes asynchronously, so a process that ends right after its last line
 * (by `process.exit` or by re-raising a signal) could lose it. For the very end of a process,
 * when nothing logs any more; it waits at most `timeoutMs`, so a stalled stdout cannot hold the
 * exit.
 */
export async function logsWritten(
  logger: Logger | undefined = PinoLogger.root,
  timeoutMs = 2_000,
): Promise<void> {
  const stream = (logger as unknown as Record<symbol, unknown> | undefined)?.[symbols.streamSym];
  if (!isLogStream(stream) || stream === process.stdout || stream === process.stderr) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise<void>((resolve) => {
      stream.once('close', resolve);
      stream.end();
    }),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
}
