import { addMethodMetadata } from '../discovery/method-discovery';
import type { DomainEventMap, DomainEventName } from './domain-event-map';

export const DOMAIN_EVENT_LISTENER = Symbol('freeb:domain-event-listener');

/**
 * Marks a provider method as a listener of one domain event; found at bootstrap. It runs in
 * the emitter's transaction: throwing rolls the change back. Slow work belongs in a job.
 *
 *   @OnDomainEvent('like.added')
 *   async countLike({ postId }: DomainEventMap['like.added']) { ... }
 */
export function OnDomainEvent<K extends DomainEventName>(name: K) {
  return (
    _target: object,
    _method: string | symbol,
    // Not TypedPropertyDescriptor: its setter would refuse a method taking no payload.
    descriptor: { value?: (payload: DomainEventMap[K]) => Promise<void> | void },
  ): void => {
    if (descriptor.value) addMethodMetadata(DOMAIN_EVENT_LISTENER, name, descriptor.value);
  };
}
