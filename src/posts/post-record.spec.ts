import { groupPostRows } from './post-record';

type Row = Parameters<typeof groupPostRows>[0][number];

const row = (postId: string, createdAt: string, position: number, changes: Partial<Row> = {}) =>
  ({
    id: postId,
    author_id: 'author-id',
    caption: null,
    status: 'published',
    failure: null,
    like_count: '2',
    comment_count: 1,
    created_at: createdAt,
    author_username: 'ada.l',
    author_first_name: 'Ada',
    author_last_name: null,
    avatar_variants: null,
    photo_position: position,
    photo_alt_text: `alt ${position}`,
    photo_id: `${postId}-photo-${position}`,
    photo_processing: 'ready',
    photo_width: 1080,
    photo_height: 1350,
    photo_placeholder: null,
    photo_color: '#000000',
    photo_variants: JSON.stringify([{ width: 1080, height: 1350, key: `k/${postId}/${position}` }]),
    ...changes,
  }) as Row;

describe('groupPostRows', () => {
  it('makes one post of its photo rows, photos in position order whatever the row order', () => {
    const [post, ...others] = groupPostRows(
      [
        row('p1', '2026-01-01 10:00:00.000', 2),
        row('p1', '2026-01-01 10:00:00.000', 0),
        row('p1', '2026-01-01 10:00:00.000', 1),
      ],
      false,
    );
    expect(others).toEqual([]);
    expect(post.photos.map((photo) => photo.id)).toEqual([
      'p1-photo-0',
      'p1-photo-1',
      'p1-photo-2',
    ]);
    expect(post.photos[0].variants).toEqual([{ width: 1080, height: 1350, key: 'k/p1/0' }]);
    expect(post).toEqual(
      expect.objectContaining({
        likeCount: 2,
        commentCount: 1,
        createdAt: new Date('2026-01-01T10:00:00.000Z'),
        author: {
          id: 'author-id',
          username: 'ada.l',
          firstName: 'Ada',
          lastName: null,
          avatarVariants: null,
        },
      }),
    );
  });

  it('orders posts newest first by (createdAt, id), reading SQLite text and MariaDB dates alike', () => {
    const posts = groupPostRows(
      [
        row('a', '2026-01-01 10:00:00.000', 0),
        row('c', '2026-01-01 10:00:00.000', 0),
        row('b', new Date('2026-01-01T11:00:00.000Z') as unknown as string, 0),
      ],
      false,
    );
    expect(posts.map((post) => post.id)).toEqual(['b', 'c', 'a']);
  });

  it('keeps a post that two parts of a merged page read once, with its photos once', () => {
    const posts = groupPostRows(
      [
        row('a', '2026-01-01 10:00:00.000', 0),
        row('a', '2026-01-01 10:00:00.000', 0),
        row('a', '2026-01-01 10:00:00.000', 1),
        row('a', '2026-01-01 10:00:00.000', 1),
      ],
      false,
    );
    expect(posts).toHaveLength(1);
    expect(posts[0].photos.map((photo) => photo.id)).toEqual(['a-photo-0', 'a-photo-1']);
  });

  it('orders a ranked source by its rank, not by time', () => {
    const posts = groupPostRows(
      [
        row('new', '2026-01-02 10:00:00.000', 0, { page_rank: 2 }),
        row('old', '2026-01-01 10:00:00.000', 0, { page_rank: '1' }),
      ],
      true,
    );
    expect(posts.map((post) => [post.id, post.rank])).toEqual([
      ['old', 1],
      ['new', 2],
    ]);
  });
});
