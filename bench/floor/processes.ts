/** The two servers under measurement as child processes, paused and resumed by signal. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = 100;

export class ServerProcess {
  private child?: ChildProcess;

  constructor(
    readonly name: string,
    private readonly command: string[],
    private readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.name} is not running`);
    return this.child.pid;
  }

  async start(): Promise<void> {
    const [bin, ...args] = this.command;
    this.child = spawn(bin, args, {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 240; i++) {
      try {
        const res = await fetch(`${this.url}/api/posts?limit=1`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`${this.name} did not start`);
  }

  /** User + system CPU time the process has used, in milliseconds (/proc/<pid>/stat). */
  cpuMs(): number {
    return cpuMsOf(`/proc/${this.pid}/stat`);
  }

  /** The same, of its main thread alone: Node's event loop, without the libuv pool. */
  mainThreadCpuMs(): number {
    return cpuMsOf(`/proc/${this.pid}/task/${this.pid}/stat`);
  }

  /** Resident set size in MiB (/proc/<pid>/status VmRSS). */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kib / 1024;
  }

  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.resume();
    const exited = new Promise((resolve) => this.child?.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** User + system CPU time in milliseconds from a /proc stat file (a process's or a thread's). */
function cpuMsOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  // Fields after the command name (which may hold spaces) start at index 2 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

/** The database server's pid on this machine (mariadbd or mysqld), looked up once. */
let databasePid: string | null | undefined;

function findDatabasePid(): string | null {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (command === 'mariadbd' || command === 'mysqld') return pid;
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/**
 * CPU time of the database server on this machine, in milliseconds, or undefined when it runs
 * elsewhere.
 */
export function databaseCpuMs(): number | undefined {
  if (databasePid === undefined) databasePid = findDatabasePid();
  return databasePid === null ? undefined : cpuMsOf(`/proc/${databasePid}/stat`);
}

/** Runs `work` on `server` alone: every other server is paused meanwhile. */
export async function alone<T>(
  server: ServerProcess,
  others: ServerProcess[],
  work: () => Promise<T>,
): Promise<T> {
  for (const other of others) other.pause();
  server.resume();
  try {
    return await work();
  } finally {
    for (const other of others) other.resume();
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
