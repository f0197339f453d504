import { isUnder } from './paths';

describe('isUnder', () => {
  it('holds the path itself and what is under it, nothing that only starts alike', () => {
    for (const url of ['/api', '/api/posts', '/api?x=1', '/api/'])
      expect(isUnder('/api', url)).toBe(true);
    for (const url of ['/apiary', '/', '/health', '/p/1', '/ap'])
      expect(isUnder('/api', url)).toBe(false);
  });
});
