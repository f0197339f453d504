import { MAX_POSTS_PER_AUTHOR, rank } from './explore-ranking';

const now = new Date('2026-11-26T12:00:00.000Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
const on = (postId: string, authorId: string, hours: number) => ({
  postId,
  authorId,
  at: hoursAgo(hours),
});

describe('rank', () => {
  it('puts recent engagement above as much older engagement', () => {
    const likes = [on('old', 'a', 48), on('old', 'a', 48), on('new', 'b', 1), on('new', 'b', 1)];
    expect(rank(likes, [], now)).toEqual(['new', 'old']);
  });

  it('weighs a comment as two likes of the same age', () => {
    const likes = [on('liked', 'a', 2)];
    const comments = [on('commented', 'b', 2)];
    expect(rank(likes, comments, now)).toEqual(['commented', 'liked']);
  });

  it('halves an interaction per day of age, so more older likes can still win', () => {
    const likes = [
      on('many', 'a', 24),
      on('many', 'a', 24),
      on('many', 'a', 24),
      on('one', 'b', 0),
    ];
    expect(rank(likes, [], now)).toEqual(['many', 'one']);
  });

  it('breaks ties toward the newer post id and keeps at most three posts per author', () => {
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const likes = ids.map((id) => on(id, 'prolific', 1));
    expect(rank(likes, [], now)).toEqual(['p5', 'p4', 'p3'].slice(0, MAX_POSTS_PER_AUTHOR));
  });

  it('ranks nothing without engagement', () => {
    expect(rank([], [], now)).toEqual([]);
  });
});
