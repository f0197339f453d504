import { randomInt } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { TestApp } from './app';

export type Agent = TestAgent;

let counter = 0;

/** A distinct client address per agent, so per-IP limits in one suite do not collide. */
export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A cookie-keeping client, like a browser tab, coming from its own address. */
export function client(t: TestApp, ip = randomIp()): Agent {
  return request.agent(t.server).set('X-Forwarded-For', ip);
}

export interface Account {
  agent: Agent;
  id: string;
  username: string;
  email: string;
  password: string;
}

export function newAccountFields() {
  counter += 1;
  const username = `user${counter}_${randomInt(1_000_000)}`;
  return { username, email: `${username}@example.com`, password: `a long secret ${username}` };
}

/** Signs a new user up through the API; the returned agent holds the session. */
export async function signUp(t: TestApp, extra: Record<string, unknown> = {}): Promise<Account> {
  const fields = newAccountFields();
  const agent = client(t);
  const res = await agent
    .post('/api/auth/signup')
    .send({ ...fields, ...extra })
    .expect(201);
  return { agent, id: res.body.id as string, ...fields };
}

/** The session id inside a Set-Cookie header (express-session's signed `s:<id>.<sig>`). */
export function sessionIdOf(setCookie: string[] | string | undefined): string | undefined {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const raw = cookies.find((cookie) => cookie.startsWith('freeb.sid='));
  if (!raw) return undefined;
  const value = decodeURIComponent(raw.split(';')[0].slice('freeb.sid='.length));
  return value.startsWith('s:') ? value.slice(2, value.lastIndexOf('.')) : undefined;
}

export function expectProblem(body: Record<string, unknown>, status: number): void {
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^urn:freeb:problem:/),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    }),
  );
}
