import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, Logger, type INestApplication } from '@nestjs/common';
import { endOnFirstSignal } from './process-signals';

/**
 * The end of the process on SIGTERM (or SIGINT), in order: readiness answers 503 at once, the
 * server stops accepting connections and closes idle keep-alive ones, requests in flight
 * finish with every dependency still open (up to the grace period; their connections close
 * after them), then the app closes: workers stop, then pools and clients close.
 */
@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly inFlight = new Set<ServerResponse>();
  private drained?: () => void;
  private shuttingDown = false;

  get started(): boolean {
    return this.shuttingDown;
  }

  /** Counts the server's requests in flight; during shutdown, each answer closes its connection. */
  track(server: Server): void {
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (this.shuttingDown) res.setHeader('Connection', 'close');
      this.inFlight.add(res);
      res.once('close', () => {
        this.inFlight.delete(res);
        if (this.inFlight.size === 0) this.drained?.();
      });
    });
  }

  /** Runs the shutdown on the first SIGTERM or SIGINT; the process exits when it is done. */
  onSignals(app: INestApplication, graceMs: number): void {
    endOnFirstSignal(
      (signal) => {
        this.logger.log(`${signal}: draining requests in flight (up to ${graceMs} ms)`);
        return this.shutDown(app, graceMs);
      },
      { onError: (error) => this.logger.error(`Shutdown failed: ${String(error)}`) },
    );
  }

  async shutDown(app: INestApplication, graceMs: number): Promise<void> {
    this.shuttingDown = true;
    const server = app.getHttpServer() as Server;
    server.close();
    server.closeIdleConnections();
    for (const res of this.inFlight) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    }
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.drained = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }
    if (this.inFlight.size > 0) {
      this.logger.warn(`Grace period over: cutting ${this.inFlight.size} request(s) in flight`);
    }
    server.closeAllConnections();
    await app.close();
  }
}
