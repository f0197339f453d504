import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction-host';
import { MethodDiscovery } from '../discovery/method-discovery';
import type { DomainEventListener, DomainEventMap, DomainEventName } from './domain-event-map';
import { DOMAIN_EVENT_LISTENER } from './on-domain-event.decorator';

/**
 * Typed in-process events between modules. `emit` runs every listener of the event, one after
 * the other in registration order, inside the caller's transaction (or a new one when there is
 * none): a listener that throws fails the emit, and with it the change. Listeners are provider
 * methods decorated with `@OnDomainEvent(name)`, collected when the modules initialise.
 */
@Injectable()
export class DomainEvents implements OnModuleInit {
  private readonly listeners = new Map<DomainEventName, Array<DomainEventListener<never>>>();

  constructor(
    private readonly db: TransactionHost,
    private readonly discovery: MethodDiscovery,
  ) {}

  onModuleInit(): void {
    for (const found of this.discovery.find<DomainEventName>(DOMAIN_EVENT_LISTENER)) {
      this.on(found.metadata, found.call as DomainEventListener<typeof found.metadata>);
    }
  }

  on<K extends DomainEventName>(name: K, listener: DomainEventListener<K>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as DomainEventListener<never>);
    this.listeners.set(name, list);
  }

  listenerCount(name: DomainEventName): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    const list = this.listeners.get(name) as Array<DomainEventListener<K>> | undefined;
    if (!list || list.length === 0) return;
    await this.db.run(async () => {
      for (const listener of list) await listener(payload);
    });
  }
}
