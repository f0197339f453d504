import { v7 } from 'uuid';

/** Time-ordered UUIDv7: inserts stay local in InnoDB's clustered index and ids sort by creation. */
export function newId(): string {
  return v7();
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
