import { addMethodMetadata } from '../common/discovery/method-discovery';
import type { JobContext, JobPayloads, JobType } from './job-payloads';

export const JOB_HANDLER = Symbol('freeb:job-handler');

/**
 * Marks a provider method as the handler of one job type; found at bootstrap. A job may run
 * more than once (a worker can die after the work and before recording it), so handlers are
 * idempotent. Throwing schedules a retry with backoff; after the job's last attempt it is dead.
 *
 *   @OnJob('storage.delete')
 *   async deleteObject({ key }: JobPayloads['storage.delete']) { ... }
 */
export function OnJob<K extends JobType>(type: K) {
  return (
    _target: object,
    _method: string | symbol,
    // Not TypedPropertyDescriptor: its setter would refuse a method taking fewer arguments.
    descriptor: { value?: (payload: JobPayloads[K], context: JobContext) => Promise<void> },
  ): void => {
    if (descriptor.value) addMethodMetadata(JOB_HANDLER, type, descriptor.value);
  };
}
