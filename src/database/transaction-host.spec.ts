import type { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { TransactionHost } from './transaction-host';

const MARIADB: DataSourceOptions = { type: 'mariadb' };
const SQLITE: DataSourceOptions = { type: 'better-sqlite3', database: ':memory:' };

const driverError = (code: string) => Object.assign(new Error(code), { code });

/** A promise and the functions that settle it, to hold a transaction open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('TransactionHost', () => {
  let dataSource: StrictMock<DataSource>;
  let managers: EntityManager[];
  let sut: TransactionHost;

  const on = (options: DataSourceOptions) => {
    managers = [];
    const outside = strictMock<EntityManager>();
    dataSource = strictMock<DataSource>({
      options,
      manager: outside,
      // Each transaction gets a manager of its own, as TypeORM's query runners do.
      transaction: jest.fn((work: (manager: EntityManager) => Promise<unknown>) => {
        const manager = strictMock<EntityManager>();
        managers.push(manager);
        return work(manager);
      }),
    });
    sut = new TransactionHost(dataSource);
    return outside;
  };

  it('hands repositories the transaction’s manager inside run, the default one outside', async () => {
    const outside = on(MARIADB);
    expect(sut.manager).toBe(outside);
    const inside = await sut.run(async () => sut.manager);
    expect(inside).toBe(managers[0]);
    expect(sut.manager).toBe(outside);
  });

  it('joins the open transaction when run is nested', async () => {
    on(MARIADB);
    const nested = await sut.run(() => sut.run(async () => sut.manager));
    expect(dataSource.transaction).toHaveBeenCalledTimes(1);
    expect(nested).toBe(managers[0]);
  });

  describe('on MariaDB', () => {
    it.each(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'])(
      'runs a transaction that failed with %s again from the start',
      async (code) => {
        on(MARIADB);
        const work = jest
          .fn<Promise<string>, []>()
          .mockRejectedValueOnce(driverError(code))
          .mockResolvedValueOnce('done');
        await expect(sut.run(work)).resolves.toBe('done');
        expect(work).toHaveBeenCalledTimes(2);
        expect(dataSource.transaction).toHaveBeenCalledTimes(2);
      },
    );

    it('finds the code on a TypeORM error’s driverError too', async () => {
      on(MARIADB);
      const wrapped = Object.assign(new Error('query failed'), {
        driverError: driverError('ER_LOCK_DEADLOCK'),
      });
      const work = jest
        .fn<Promise<number>, []>()
        .mockRejectedValueOnce(wrapped)
        .mockResolvedValue(1);
      await expect(sut.run(work)).resolves.toBe(1);
      expect(work).toHaveBeenCalledTimes(2);
    });

    it('gives up after four attempts with the last error', async () => {
      on(MARIADB);
      const deadlock = driverError('ER_LOCK_DEADLOCK');
      const work = jest.fn<Promise<never>, []>().mockRejectedValue(deadlock);
      await expect(sut.run(work)).rejects.toBe(deadlock);
      expect(work).toHaveBeenCalledTimes(4);
    });

    it('does not run again after any other error', async () => {
      on(MARIADB);
      const duplicate = driverError('ER_DUP_ENTRY');
      const work = jest.fn<Promise<never>, []>().mockRejectedValue(duplicate);
      await expect(sut.run(work)).rejects.toBe(duplicate);
      expect(work).toHaveBeenCalledTimes(1);
    });

    it('runs transactions concurrently', async () => {
      on(MARIADB);
      const first = gate();
      const running = sut.run(() => first.opened);
      const second = sut.run(async () => 'second');
      await expect(second).resolves.toBe('second');
      expect(dataSource.transaction).toHaveBeenCalledTimes(2);
      first.open();
      await running;
    });
  });

  describe('on SQLite', () => {
    it('queues transactions: the next starts only when the previous has ended', async () => {
      on(SQLITE);
      const first = gate();
      const order: string[] = [];
      const running = sut.run(async () => {
        order.push('first started');
        await first.opened;
        order.push('first ended');
      });
      const second = sut.run(async () => {
        order.push('second started');
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(order).toEqual(['first started']);
      expect(dataSource.transaction).toHaveBeenCalledTimes(1);
      first.open();
      await Promise.all([running, second]);
      expect(order).toEqual(['first started', 'first ended', 'second started']);
    });

    it('starts the next transaction after one that failed, and passes the failure on', async () => {
      on(SQLITE);
      const failure = new Error('constraint failed');
      const failing = sut.run(() => Promise.reject(failure));
      const next = sut.run(async () => 'next');
      await expect(failing).rejects.toBe(failure);
      await expect(next).resolves.toBe('next');
    });

    it('does not retry: SQLite has no deadlock victims', async () => {
      on(SQLITE);
      const busy = driverError('ER_LOCK_DEADLOCK');
      const work = jest.fn<Promise<never>, []>().mockRejectedValue(busy);
      await expect(sut.run(work)).rejects.toBe(busy);
      expect(work).toHaveBeenCalledTimes(1);
    });
  });

  describe('afterCommit', () => {
    it('calls back once the transaction has committed, in order', async () => {
      on(MARIADB);
      const calls: string[] = [];
      await sut.run(async () => {
        sut.afterCommit(() => calls.push('first'));
        sut.afterCommit(() => calls.push('second'));
        calls.push('work done');
      });
      expect(calls).toEqual(['work done', 'first', 'second']);
    });

    it('never calls back when the transaction rolls back', async () => {
      on(MARIADB);
      const callback = jest.fn();
      await expect(
        sut.run(async () => {
          sut.afterCommit(callback);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(callback).not.toHaveBeenCalled();
    });

    it('calls back only for the attempt that committed when a deadlock victim runs again', async () => {
      on(MARIADB);
      const callback = jest.fn();
      let attempt = 0;
      await sut.run(async () => {
        sut.afterCommit(callback);
        attempt += 1;
        if (attempt === 1) throw driverError('ER_LOCK_DEADLOCK');
      });
      expect(attempt).toBe(2);
      expect(callback).toHaveBeenCalledTimes(1);
    });

    it('calls back at once outside a transaction', () => {
      on(SQLITE);
      const callback = jest.fn();
      sut.afterCommit(callback);
      expect(callback).toHaveBeenCalledTimes(1);
    });
  });
});
