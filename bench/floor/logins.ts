/**
 * Logins per second: Freeb's POST /api/auth/login against argon2.verify of the same hash with
 * the same parameters, and where each login's CPU time goes on the shared cores.
 */
import { Agent, request } from 'node:http';
import * as argon2 from 'argon2';
import { type ServerProcess, alone, databaseCpuMs, median } from './processes';
import { READERS, SEED_PASSWORD, readerName } from './seed';

/** CPU time per login, in milliseconds, over every round. */
export interface LoginCpu {
  /** Freeb's main thread: HTTP, the throttle, the session, the driver's statements, JSON. */
  main: number;
  /** Freeb's other threads: argon2 in libuv's pool, V8's helpers. */
  otherThreads: number;
  /** MariaDB, when it runs on this machine. */
  database?: number;
  /** This process, sending the logins. */
  driver: number;
  /** One bare argon2.verify in this process. */
  bareVerify: number;
}

interface LoginResult {
  freeb: number;
  bare: number;
  cpu: LoginCpu;
}

/** Calls `attempt` from `concurrency` loops for `seconds`; how many succeeded. */
async function succeeded(
  concurrency: number,
  seconds: number,
  attempt: (n: number) => Promise<boolean>,
): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let ok = 0;
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) if (await attempt((n += 1))) ok += 1;
    }),
  );
  return ok;
}

/**
 * One login over a kept-alive connection of `agent`, from `address` (X-Forwarded-For); true
 * when it succeeded. node:http rather than fetch: the driver shares the machine's two cores
 * with the server and argon2, and fetch spent about 3.6 ms of CPU per login against 1.1 ms.
 */
function loginOnce(freeb: ServerProcess, agent: Agent, address: string): Promise<boolean> {
  const body = JSON.stringify({ login: readerName(READERS[0]), password: SEED_PASSWORD });
  return new Promise((resolve, reject) => {
    const req = request(
      `${freeb.url}/api/auth/login`,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-For': address,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const driverCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** CPU time used by each party while `work` runs, in milliseconds. */
async function cpuDuring<T>(freeb: ServerProcess, work: () => Promise<T>) {
  const read = () => ({
    main: freeb.mainThreadCpuMs(),
    all: freeb.cpuMs(),
    database: databaseCpuMs(),
    driver: driverCpuMs(),
  });
  const before = read();
  const result = await work();
  const after = read();
  return {
    result,
    main: after.main - before.main,
    otherThreads: after.all - after.main - (before.all - before.main),
    database:
      before.database === undefined || after.database === undefined
        ? undefined
        : after.database - before.database,
    driver: after.driver - before.driver,
  };
}

/**
 * Each round: Freeb's logins (each attempt from an address of its own, so the per-address
 * throttle never trips), then argon2.verify in this process, both with 8 at once (the libuv
 * pool's 4 threads busy), everything else paused. Reports the rounds, and CPU per login.
 */
export async function loginBench(
  freeb: ServerProcess,
  floor: ServerProcess,
  hash: string,
  { seconds, rounds, out }: { seconds: number; rounds: number; out: (line: string) => void },
): Promise<LoginResult> {
  const freebRates: number[] = [];
  const bareRates: number[] = [];
  const total = { logins: 0, main: 0, otherThreads: 0, database: 0, driver: 0 };
  let databaseSeen = true;
  let bare = { verifies: 0, cpu: 0 };
  for (let round = 1; round <= rounds; round++) {
    // Connections of their own each round: kept-alive ones idle through the bare round, longer
    // than the server's keep-alive timeout, and the server closes them as they are used again.
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const logins = await alone(freeb, [floor], () =>
      cpuDuring(freeb, () =>
        succeeded(8, seconds, (n) =>
          loginOnce(freeb, agent, `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`),
        ),
      ),
    );
    agent.destroy();
    total.logins += logins.result;
    total.main += logins.main;
    total.otherThreads += logins.otherThreads;
    total.driver += logins.driver;
    if (logins.database === undefined) databaseSeen = false;
    else total.database += logins.database;
    const before = driverCpuMs();
    const verifies = await alone(floor, [freeb], () =>
      succeeded(8, seconds, () => argon2.verify(hash, SEED_PASSWORD)),
    );
    bare = { verifies: bare.verifies + verifies, cpu: bare.cpu + driverCpuMs() - before };
    freebRates.push(logins.result / seconds);
    bareRates.push(verifies / seconds);
    out(
      `  login round ${round}: Freeb ${(logins.result / seconds).toFixed(1)} logins/s, bare argon2.verify ${(verifies / seconds).toFixed(1)}/s`,
    );
  }
  const per = (ms: number) => ms / Math.max(1, total.logins);
  return {
    freeb: median(freebRates),
    bare: median(bareRates),
    cpu: {
      main: per(total.main),
      otherThreads: per(total.otherThreads),
      database: databaseSeen ? per(total.database) : undefined,
      driver: per(total.driver),
      bareVerify: bare.cpu / Math.max(1, bare.verifies),
    },
  };
}

/**
 * The split, and what it says: the rate a login could reach against bare argon2 if Freeb's
 * main thread cost nothing, both runs using the same cores to the full (the bare verify's CPU
 * time against everything else a login costs on this machine).
 */
export function describeLoginCpu(cpu: LoginCpu): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const ceiling = cpu.bareVerify / (cpu.otherThreads + (cpu.database ?? 0) + cpu.driver);
  return (
    `CPU per login: Freeb's main thread ${ms(cpu.main)}, its other threads (argon2) ${ms(cpu.otherThreads)}, ` +
    `${cpu.database === undefined ? 'the database elsewhere' : `MariaDB ${ms(cpu.database)}`}, this driver ${ms(cpu.driver)}; ` +
    `a bare verify ${ms(cpu.bareVerify)}. With a main thread costing nothing: ${ceiling.toFixed(2)} of bare`
  );
}
