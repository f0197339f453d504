import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(__dirname, '..');

/** Starts the real entry point (src/main.ts) on a free port and reads its output by line. */
function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'freeb-start-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
    {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', ...env },
    },
  );
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    waiters.splice(0).forEach((wake) => wake());
  });
  const lineMatching = async (pattern: RegExp): Promise<string> => {
    const deadline = Date.now() + 100_000;
    for (;;) {
      const found = lines.find((line) => pattern.test(line));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 500).unref();
      });
    }
  };
  const stop = async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { lines, lineMatching, stop };
}

describe('Starting Freeb (e2e)', () => {
  // Both start at once: booting from source takes a while on a busy machine.
  let piped: ReturnType<typeof start>;
  let pretty: ReturnType<typeof start>;
  beforeAll(() => {
    piped = start({});
    pretty = start({ LOG_FORMAT: 'pretty' });
  });
  afterAll(async () => {
    await Promise.all([piped?.stop(), pretty?.stop()]);
  });

  it('prints where it runs as its first line, then one JSON line per request when piped', async () => {
    const first = await piped.lineMatching(/Freeb is running at/);
    expect(piped.lines[0]).toBe(first);
    const entry = JSON.parse(first) as { msg: string; level: number };
    expect(entry.msg).toMatch(/^Freeb is running at http:\/\/localhost:\d+$/);
    const url = entry.msg.replace('Freeb is running at ', '');
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const request = JSON.parse(await piped.lineMatching(/GET \/health 200/)) as { msg: string };
    expect(request.msg).toMatch(/^GET \/health 200 \d+ ms$/);
  }, 120_000);

  it('prints pretty lines instead when asked (a terminal gets them by default)', async () => {
    const first = await pretty.lineMatching(/Freeb is running at/);
    expect(pretty.lines[0]).toBe(first);
    expect(first).toMatch(
      /^\[\d\d:\d\d:\d\d\] .*INFO.*: Freeb is running at http:\/\/localhost:\d+/,
    );
    expect(first).not.toContain('{');
  }, 120_000);
});
