import type { DynaliteServer } from '../harness/dynalite';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynalite?: DynaliteServer }).__dynalite?.stop();
}
