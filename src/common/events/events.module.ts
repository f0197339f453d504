import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MethodDiscovery } from '../discovery/method-discovery';
import { DomainEvents } from './domain-events';

/** Domain events for every module: inject `DomainEvents`, decorate listeners `@OnDomainEvent`. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [MethodDiscovery, DomainEvents],
  exports: [DomainEvents],
})
export class EventsModule {}
