import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

/** A provider method that a decorator marked with metadata under some key. */
export interface DiscoveredMethod<M> {
  metadata: M;
  /** `ClassName.method`, for messages. */
  name: string;
  /** The method bound to its provider instance. */
  call: (...args: never[]) => Promise<unknown>;
}

/** Stores `value` under `key` on a decorated method; several decorators on one method add up. */
export function addMethodMetadata(key: symbol, value: unknown, method: object): void {
  const existing = (Reflect.getMetadata(key, method) as unknown[] | undefined) ?? [];
  Reflect.defineMetadata(key, [...existing, value], method);
}

/**
 * Finds, once the app's providers exist, every singleton provider method that carries metadata
 * under `key`: in module order, then provider order, then method order, so the result is the
 * same on every start. Used to build the domain-event and job registries at bootstrap.
 */
@Injectable()
export class MethodDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  find<M>(key: symbol): DiscoveredMethod<M>[] {
    const found: DiscoveredMethod<M>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[methodName];
        if (typeof method !== 'function') continue;
        const entries = Reflect.getMetadata(key, method) as M[] | undefined;
        for (const metadata of entries ?? []) {
          found.push({
            metadata,
            name: `${instance.constructor.name}.${methodName}`,
            call: (method as (...args: never[]) => Promise<unknown>).bind(instance),
          });
        }
      }
    }
    return found;
  }
}
