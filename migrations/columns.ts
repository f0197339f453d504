import type { TableColumnOptions } from 'typeorm';

/** Column shapes every migration shares, kept identical to the entities' decorators. */
export const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: name === 'id',
});

export const datetime = (name: string): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
});
