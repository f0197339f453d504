import { batchesOf } from './batches';

describe('batchesOf', () => {
  it('slices in order, the last slice holding the rest, each with its offset', () => {
    expect([...batchesOf([1, 2, 3, 4, 5], 2)]).toEqual([
      { batch: [1, 2], offset: 0 },
      { batch: [3, 4], offset: 2 },
      { batch: [5], offset: 4 },
    ]);
  });

  it('yields nothing for nothing', () => {
    expect([...batchesOf([], 3)]).toEqual([]);
  });
});
