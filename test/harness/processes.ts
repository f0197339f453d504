import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

const spawned = new Set<ChildProcessWithoutNullStreams>();

/** Runs a TypeScript file of the repository in a child Node process (ts-node, no type check). */
export function spawnTs(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', file, ...args], {
    cwd: root,
    env: { ...process.env, ...env, TS_NODE_PROJECT: resolve(root, 'tsconfig.json') },
  });
  spawned.add(child);
  child.once('exit', () => spawned.delete(child));
  return child;
}

/** Kills what `spawnTs` started and is still running (a test that failed half-way). */
export function killSpawned(): void {
  for (const child of spawned) child.kill('SIGKILL');
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
export function lineFrom(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 150_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    let buffer = '';
    let errors = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${errors}`)),
      timeoutMs,
    );
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        const match = line.match(pattern);
        if (match) {
          clearTimeout(timer);
          resolvePromise(match);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child exited (${code}) before ${pattern}: ${errors}`));
    });
  });
}
