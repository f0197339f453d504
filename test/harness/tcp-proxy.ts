import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

interface Link {
  downstream: Socket;
  upstream?: Socket;
}

/**
 * A loopback TCP proxy to a service, which a test can cut like a network outage: `stop()`
 * resets every connection and refuses new ones (a crashed host); `blackhole()` silently
 * drops traffic (a partition: connections open, nothing arrives, no reset) until
 * `restore()`, after which held bytes flow again, as TCP retransmission would deliver them.
 */
export class TcpProxy {
  private server?: Server;
  private readonly links = new Set<Link>();
  private dropping = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    const server = createServer((downstream) => {
      const link: Link = { downstream };
      this.links.add(link);
      downstream.on('error', () => downstream.destroy());
      downstream.on('close', () => {
        link.upstream?.destroy();
        this.links.delete(link);
      });
      if (this.dropping) downstream.pause();
      else this.connectUpstream(link);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Drops every connection and refuses new ones. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropping = false;
    for (const link of this.links) {
      link.downstream.destroy();
      link.upstream?.destroy();
    }
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** From now on nothing crosses, in either direction, and nobody is told. */
  blackhole(): void {
    this.dropping = true;
    for (const link of this.links) {
      link.downstream.unpipe();
      link.upstream?.unpipe();
      link.downstream.pause();
      link.upstream?.pause();
    }
  }

  /** The network is back: held and new traffic flows again. */
  restore(): void {
    this.dropping = false;
    for (const link of this.links) {
      if (!link.upstream) this.connectUpstream(link);
      else this.pipe(link);
    }
  }

  private connectUpstream(link: Link): void {
    const upstream = connect(this.targetPort, this.targetHost);
    link.upstream = upstream;
    upstream.on('error', () => upstream.destroy());
    upstream.on('close', () => link.downstream.destroy());
    this.pipe(link);
  }

  private pipe(link: Link): void {
    link.downstream.pipe(link.upstream!);
    link.upstream!.pipe(link.downstream);
  }
}
