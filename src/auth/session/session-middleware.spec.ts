import type { Request, Response } from 'express';
import type { Session, SessionData } from 'express-session';
import { strictMock } from '../../../test/harness/strict-mock';
import { User } from '../../users/entities/user.entity';
import { needsSession, renewal, revocation } from './session-middleware';

function requestWith(user: Partial<User> | undefined, data: Partial<SessionData>) {
  const session = strictMock<Session & Partial<SessionData>>({
    generation: undefined,
    passport: undefined,
    renewedAt: undefined,
    ...data,
    destroy: jest.fn((cb: (error?: unknown) => void) => cb()),
  });
  const req = strictMock<Request>({ user: user && Object.assign(new User(), user), session });
  return { req, session };
}

const run = (handler: typeof revocation, req: Request) =>
  new Promise<unknown>((resolve) =>
    handler(req, strictMock<Response>(), (error?: unknown) => resolve(error)),
  );

describe('revocation', () => {
  it('keeps a session whose generation matches the user', async () => {
    const { req, session } = requestWith(
      { sessionGeneration: 2 },
      { generation: 2, passport: { user: 'u1' } },
    );
    await run(revocation, req);
    expect(req.user).toBeDefined();
    expect(session.destroy).not.toHaveBeenCalled();
  });

  it('destroys a session from before a password change', async () => {
    const { req, session } = requestWith(
      { sessionGeneration: 3 },
      { generation: 2, passport: { user: 'u1' } },
    );
    await run(revocation, req);
    expect(req.user).toBeUndefined();
    expect(session.destroy).toHaveBeenCalledTimes(1);
  });

  it('destroys a session whose user no longer exists', async () => {
    const { req, session } = requestWith(undefined, { generation: 0, passport: {} });
    await run(revocation, req);
    expect(session.destroy).toHaveBeenCalledTimes(1);
  });

  it('leaves anonymous sessions alone', async () => {
    const { req, session } = requestWith(undefined, {});
    await run(revocation, req);
    expect(session.destroy).not.toHaveBeenCalled();
  });
});

describe('renewal', () => {
  const day = 24 * 3600_000;
  const sut = renewal(10 * day);

  it('does not touch a session renewed recently (no store write)', async () => {
    const renewedAt = Date.now() - day / 2;
    const { req, session } = requestWith({ sessionGeneration: 0 }, { renewedAt });
    await run(sut, req);
    expect(session.renewedAt).toBe(renewedAt);
  });

  it('marks a session for saving once a tenth of its lifetime has passed', async () => {
    const { req, session } = requestWith(
      { sessionGeneration: 0 },
      { renewedAt: Date.now() - 2 * day },
    );
    await run(sut, req);
    expect(session.renewedAt).toBeGreaterThan(Date.now() - 1000);
  });

  it('does not renew anonymous sessions', async () => {
    const { req, session } = requestWith(undefined, { renewedAt: 0 });
    await run(sut, req);
    expect(session.renewedAt).toBe(0);
  });
});

describe('needsSession', () => {
  const req = (method: string, cookie?: string) =>
    strictMock<Request>({ method, headers: cookie === undefined ? {} : { cookie } });

  it('skips reads without the session cookie', () => {
    expect(needsSession(req('GET'))).toBe(false);
    expect(needsSession(req('HEAD', 'theme=dark; xfreeb.sid=1'))).toBe(false);
  });

  it('keeps reads that carry the session cookie, wherever it sits', () => {
    expect(needsSession(req('GET', 'freeb.sid=s%3Aabc.sig'))).toBe(true);
    expect(needsSession(req('GET', 'theme=dark; freeb.sid=s%3Aabc.sig'))).toBe(true);
  });

  it('keeps writes, which may start a session (login, signup)', () => {
    expect(needsSession(req('POST'))).toBe(true);
  });
});
