import { startApp, type TestApp } from './harness/app';
import { client } from './harness/client';

type Operation = {
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: Array<Record<string, unknown>>;
  requestBody?: unknown;
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    securitySchemes: Record<string, { type: string; in: string; name: string }>;
  };
};

describe('Health and API docs (e2e)', () => {
  let t: TestApp;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await startApp();
    doc = (await client(t).get('/docs-json').expect(200)).body as OpenApi;
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    await client(t).get('/health').expect(200, { status: 'ok' });
    const ready = await client(t).get('/health/ready').expect(200);
    expect(ready.body.info).toEqual(
      expect.objectContaining({
        database: expect.objectContaining({ status: 'up' }),
        sessions: expect.objectContaining({ status: 'up' }),
        storage: expect.objectContaining({ status: 'up' }),
      }),
    );
  });

  it('serves interactive docs at /docs', async () => {
    const res = await client(t).get('/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger');
  });

  it('compresses for a client that accepts it, and sends as is, without Vary, to one that does not', async () => {
    const gzipped = await client(t).get('/docs-json').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    // A client that accepts no encoding skips the compression layer altogether.
    const plain = await client(t).get('/docs-json').set('Accept-Encoding', '').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBeUndefined();
    expect(JSON.parse(plain.text)).toEqual(gzipped.body);
  });

  it('documents every endpoint of the contract', () => {
    const expected: Array<[string, string]> = [
      ['post', '/api/auth/signup'],
      ['post', '/api/auth/login'],
      ['post', '/api/auth/logout'],
      ['get', '/api/auth/me'],
      ['put', '/api/auth/password'],
      ['get', '/api/users/{username}'],
      ['patch', '/api/users/me'],
      ['delete', '/api/users/me'],
      ['post', '/api/images/uploads'],
      ['post', '/api/posts'],
      ['get', '/api/posts'],
      ['get', '/api/posts/{id}'],
      ['patch', '/api/posts/{id}'],
      ['delete', '/api/posts/{id}'],
      ['get', '/api/users/{username}/posts'],
      ['get', '/api/meta'],
      ['get', '/api/feed'],
      ['put', '/api/users/{username}/follow'],
      ['delete', '/api/users/{username}/follow'],
      ['get', '/api/users/{username}/followers'],
      ['get', '/api/users/{username}/following'],
      ['put', '/api/posts/{id}/like'],
      ['delete', '/api/posts/{id}/like'],
      ['get', '/api/posts/{id}/comments'],
      ['post', '/api/posts/{id}/comments'],
      ['delete', '/api/posts/{id}/comments/{commentId}'],
      ['get', '/api/tags/{tag}'],
      ['get', '/api/tags/{tag}/posts'],
      ['get', '/api/search'],
      ['get', '/api/explore'],
      ['get', '/api/users/suggested'],
      ['get', '/api/notifications'],
      ['get', '/api/notifications/unread-count'],
      ['post', '/api/notifications/read'],
      ['put', '/api/users/{username}/block'],
      ['delete', '/api/users/{username}/block'],
      ['put', '/api/users/{username}/mute'],
      ['delete', '/api/users/{username}/mute'],
      ['get', '/api/users/me/blocks'],
      ['get', '/api/users/me/mutes'],
      ['get', '/api/users/me/follow-requests'],
      ['post', '/api/users/me/follow-requests/{username}/accept'],
      ['post', '/api/users/me/follow-requests/{username}/decline'],
      ['get', '/health'],
      ['get', '/health/ready'],
    ];
    for (const [method, path] of expected) {
      expect(doc.paths[path]?.[method]).toBeDefined();
    }
  });

  it('documents problem-details errors on every API operation', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/') || path === '/api/meta') continue;
      for (const [method, operation] of Object.entries(operations)) {
        const problems = Object.entries(operation.responses).filter(
          ([status]) => Number(status) >= 400,
        );
        expect({ method, path, problems: problems.length > 0 }).toEqual({
          method,
          path,
          problems: true,
        });
        for (const [, response] of problems) {
          expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
        }
      }
    }
    expect(doc.components.schemas.ProblemDetails.properties).toEqual(
      expect.objectContaining({
        type: expect.anything(),
        title: expect.anything(),
        status: expect.anything(),
        detail: expect.anything(),
        errors: expect.anything(),
      }),
    );
  });

  it('describes bodies and responses with their fields', () => {
    expect(doc.components.schemas.SignupDto.properties).toEqual(
      expect.objectContaining({
        username: expect.anything(),
        email: expect.anything(),
        password: expect.anything(),
      }),
    );
    expect(doc.components.schemas.SignupDto.required).toEqual(
      expect.arrayContaining(['username', 'email', 'password']),
    );
    expect(doc.components.schemas.LoginDto.properties).toEqual(
      expect.objectContaining({ login: expect.anything(), password: expect.anything() }),
    );
    expect(Object.keys(doc.components.schemas.PrivateUserDto.properties ?? {})).toEqual(
      expect.arrayContaining([
        'id',
        'username',
        'email',
        'firstName',
        'lastName',
        'bio',
        'avatarUrl',
        'createdAt',
      ]),
    );
    expect(Object.keys(doc.components.schemas.ProfileDto.properties ?? {})).not.toContain('email');
    expect(doc.paths['/api/auth/signup'].post.responses['201'].content).toBeDefined();
    expect(Object.keys(doc.components.schemas.PostDto.properties ?? {})).toEqual(
      expect.arrayContaining([
        'id',
        'author',
        'image',
        'caption',
        'tags',
        'mentions',
        'createdAt',
        'likeCount',
        'commentCount',
        'viewer',
      ]),
    );
    expect(Object.keys(doc.components.schemas.ProfileDto.properties ?? {})).toEqual(
      expect.arrayContaining(['counts', 'viewer', 'bio']),
    );
    expect(Object.keys(doc.components.schemas.CommentDto.properties ?? {})).toEqual([
      'id',
      'author',
      'body',
      'mentions',
      'createdAt',
    ]);
    expect(Object.keys(doc.components.schemas.PostPageDto.properties ?? {})).toEqual([
      'items',
      'nextCursor',
    ]);
    expect(Object.keys(doc.components.schemas.UploadDto.properties ?? {})).toEqual(
      expect.arrayContaining(['uploadId', 'url', 'method', 'headers', 'expiresAt']),
    );
    expect(doc.components.schemas.CreateUploadDto.required).toEqual(
      expect.arrayContaining(['contentType', 'size']),
    );
    expect(doc.paths['/api/posts'].get).toEqual(
      expect.objectContaining({
        parameters: expect.arrayContaining([
          expect.objectContaining({ name: 'limit' }),
          expect.objectContaining({ name: 'cursor' }),
        ]),
      }),
    );
    // The local adapter's storage routes are not part of the API.
    expect(Object.keys(doc.paths).some((path) => path.startsWith('/api/storage'))).toBe(false);
  });

  it('refers only to schemas it defines, and names every operation uniquely', () => {
    const refs = [
      ...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((name) => !doc.components.schemas[name])).toEqual([]);
    const ids = Object.values(doc.paths).flatMap((operations) =>
      Object.values(operations).map(
        (operation) => (operation as { operationId?: string }).operationId,
      ),
    );
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the session cookie as the security scheme of signed-in operations', () => {
    expect(Object.values(doc.components.securitySchemes)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'freeb.sid' }),
      ]),
    );
    for (const [method, path] of [
      ['get', '/api/auth/me'],
      ['post', '/api/auth/logout'],
      ['put', '/api/auth/password'],
      ['patch', '/api/users/me'],
      ['delete', '/api/users/me'],
      ['post', '/api/images/uploads'],
      ['post', '/api/posts'],
      ['patch', '/api/posts/{id}'],
      ['delete', '/api/posts/{id}'],
      ['get', '/api/feed'],
      ['put', '/api/users/{username}/follow'],
      ['put', '/api/posts/{id}/like'],
      ['post', '/api/posts/{id}/comments'],
      ['delete', '/api/posts/{id}/comments/{commentId}'],
    ]) {
      expect(doc.paths[path][method].security).toBeDefined();
    }
  });
});
