import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { memoryDatabase, type MemoryDatabase } from '../../../test/harness/memory-database';
import type { DomainEventMap } from './domain-event-map';
import { DomainEvents } from './domain-events';
import { EventsModule } from './events.module';
import { OnDomainEvent } from './on-domain-event.decorator';

const like = { postId: 'p1', postAuthorId: 'u1', userId: 'u2' };

@Injectable()
class Counters {
  readonly calls: string[] = [];

  @OnDomainEvent('like.added')
  countLike(payload: DomainEventMap['like.added']): void {
    this.calls.push(`count ${payload.postId}`);
  }

  @OnDomainEvent('like.added')
  @OnDomainEvent('like.removed')
  touch(payload: DomainEventMap['like.added']): void {
    this.calls.push(`touch ${payload.userId}`);
  }

  notAListener(): void {
    this.calls.push('never');
  }
}

describe('DomainEvents', () => {
  let database: MemoryDatabase;
  let sut: DomainEvents;
  let counters: Counters;

  beforeEach(async () => {
    database = await memoryDatabase();
    await database.dataSource.query('CREATE TABLE notes (id TEXT PRIMARY KEY)');
    const moduleRef = await Test.createTestingModule({
      imports: [database.module, EventsModule],
      providers: [Counters],
    }).compile();
    await moduleRef.init();
    sut = moduleRef.get(DomainEvents);
    counters = moduleRef.get(Counters);
  });

  afterEach(async () => {
    await database.close();
  });

  const notes = async () =>
    (
      (await database.dataSource.query('SELECT id FROM notes ORDER BY id')) as Array<{ id: string }>
    ).map((row) => row.id);

  it('finds decorated provider methods at bootstrap, one registration per decorator', () => {
    expect(sut.listenerCount('like.added')).toBe(2);
    expect(sut.listenerCount('like.removed')).toBe(1);
    expect(sut.listenerCount('post.published')).toBe(0);
  });

  it('runs every listener of the event in registration order, each awaited before the next', async () => {
    const order: string[] = [];
    sut.on('post.published', async ({ postId }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(`slow ${postId}`);
    });
    sut.on('post.published', ({ postId }) => {
      order.push(`fast ${postId}`);
    });
    await sut.emit('post.published', { postId: 'p9', authorId: 'u1' });
    expect(order).toEqual(['slow p9', 'fast p9']);
  });

  it('calls discovered listeners bound to their provider', async () => {
    await sut.emit('like.added', like);
    await sut.emit('like.removed', like);
    expect(counters.calls).toEqual(['count p1', 'touch u2', 'touch u2']);
  });

  it('runs listeners inside the caller transaction: their writes commit with the change', async () => {
    sut.on('follow.added', async ({ followerId }) => {
      await database.db.manager.query('INSERT INTO notes (id) VALUES (?)', [
        `listener-${followerId}`,
      ]);
    });
    await database.db.run(async () => {
      await database.db.manager.query('INSERT INTO notes (id) VALUES (?)', ['change']);
      await sut.emit('follow.added', { followerId: 'a', followeeId: 'b' });
    });
    expect(await notes()).toEqual(['change', 'listener-a']);
  });

  it('rolls the change back when a listener throws, and skips the listeners after it', async () => {
    const later = jest.fn();
    sut.on('comment.added', async ({ commentId }) => {
      await database.db.manager.query('INSERT INTO notes (id) VALUES (?)', [commentId]);
    });
    sut.on('comment.added', () => {
      throw new Error('notification failed');
    });
    sut.on('comment.added', later);
    const change = database.db.run(async () => {
      await database.db.manager.query('INSERT INTO notes (id) VALUES (?)', ['comment-row']);
      await sut.emit('comment.added', {
        commentId: 'c1',
        postId: 'p1',
        postAuthorId: 'u1',
        userId: 'u2',
      });
    });
    await expect(change).rejects.toThrow('notification failed');
    expect(await notes()).toEqual([]);
    expect(later).not.toHaveBeenCalled();
  });

  it('opens a transaction of its own when emitted outside one', async () => {
    sut.on('account.deleted', async ({ userId }) => {
      await database.db.manager.query('INSERT INTO notes (id) VALUES (?)', [userId]);
    });
    sut.on('account.deleted', () => {
      throw new Error('undo');
    });
    await expect(sut.emit('account.deleted', { userId: 'gone' })).rejects.toThrow('undo');
    expect(await notes()).toEqual([]);
  });
});
