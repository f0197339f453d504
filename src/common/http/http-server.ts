import { createServer } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/configuration';

export interface HttpTimeouts {
  /** The whole request, headers and body, must have arrived within this. */
  requestTimeoutMs: number;
  /** The headers must have arrived within this. */
  headersTimeoutMs: number;
}

/**
 * Express under Nest, on an HTTP server whose deadlines hold against slow clients: a request
 * trickled byte by byte (an upload to the embedded storage, or its headers) is answered 408
 * and its connection closed once its deadline passes. Node checks the deadlines on an
 * interval (30 s by default, set at construction), so the server is made here rather than by
 * Nest's adapter.
 */
export class FreebExpressAdapter extends ExpressAdapter {
  constructor(private readonly timeouts: HttpTimeouts) {
    super();
  }

  initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions) return super.initHttpServer(options);
    this.httpServer = createServer(
      {
        requestTimeout: this.timeouts.requestTimeoutMs,
        headersTimeout: Math.min(this.timeouts.headersTimeoutMs, this.timeouts.requestTimeoutMs),
        connectionsCheckingInterval: Math.min(1000, this.timeouts.requestTimeoutMs),
      },
      this.getInstance(),
    );
  }
}

/** The adapter main.ts and the tests create the app on. */
export function createHttpAdapter(app: AppConfig): FreebExpressAdapter {
  return new FreebExpressAdapter({
    requestTimeoutMs: app.requestTimeoutMs,
    headersTimeoutMs: 20_000,
  });
}
