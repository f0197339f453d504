import { once } from 'node:events';
import { spawnTs } from '../../../test/harness/processes';

/** Runs the child; resolves with how it ended and the lines it wrote. */
async function run(mode: 'wait' | 'at-once') {
  const child = spawnTs('test/harness/log-then-signal.ts', [mode], {});
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  const lines = output.split('\n').filter((line) => line.includes('"msg":"line '));
  return { code, signal, lines };
}

describe('logsWritten', () => {
  it('lets a process that ends by a signal keep every line it logged', async () => {
    const { code, signal, lines } = await run('wait');
    expect([code, signal]).toEqual([null, 'SIGTERM']);
    expect(lines).toHaveLength(500);
    expect(lines.at(-1)).toContain('"msg":"line 499"');
  }, 30_000);

  it('is needed: without it the same process loses lines still being written', async () => {
    const { signal, lines } = await run('at-once');
    expect(signal).toBe('SIGTERM');
    expect(lines.length).toBeLessThan(500);
  }, 30_000);
});
