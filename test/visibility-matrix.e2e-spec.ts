import { randomBytes } from 'node:crypto';
import { ExploreService } from '../src/discovery/explore.service';
import { startApp, type TestApp } from './harness/app';
import { type Account, type Agent, client, signUp } from './harness/client';
import { jobRows } from './harness/jobs';
import { eventually, publish, type PublishedPost } from './harness/storage';

/**
 * The visibility matrix: every GET route of the OpenAPI document, run by a viewer in each
 * relation to an author, X. A new read route fails the first test until it is probed here
 * or named as exempt, with the reason.
 */

const SCENARIOS = [
  'blockedBy', // X blocks the viewer
  'blocking', // the viewer blocks X
  'privateNonFollower', // X is private, the viewer does not follow
  'privateFollower', // X is private, the viewer is an approved follower
  'muted', // the viewer follows and mutes X
  'suspended', // X is suspended; the viewer followed them
  'suspendedToModerator', // X is suspended; the viewer is a moderator (admin)
  'anonymous', // nobody signed in; X is public
] as const;
type Scenario = (typeof SCENARIOS)[number];

/** What a probe saw: X's content, or not; 401 where the route needs a session. */
type Seen = 'seen' | 'hidden' | 401;

interface World {
  x: Account;
  viewer?: Account;
  agent: Agent;
  helper: Account;
  post: PublishedPost; // X's, with a tag of its own
  helpersPost: PublishedPost; // X commented on and liked it
  tag: string;
}

type Probe = (w: World) => Promise<Seen>;
type Row = [probe: Probe, expected: Record<Scenario, Seen>];

const row = (
  probe: Probe,
  seen: Scenario[],
  unauthenticated: 'anonymous-401' | 'anonymous-ok' = 'anonymous-ok',
): Row => [
  probe,
  Object.fromEntries(
    SCENARIOS.map((s) => [
      s,
      s === 'anonymous' && unauthenticated === 'anonymous-401'
        ? 401
        : seen.includes(s)
          ? 'seen'
          : 'hidden',
    ]),
  ) as Record<Scenario, Seen>,
];

/** 200 and a predicate on the body → seen or hidden; 404 → hidden; 401 as such; else a failure. */
async function probeGet(
  agent: Agent,
  path: string,
  found: (body: never) => boolean = () => true,
): Promise<Seen> {
  const res = await agent.get(path);
  if (res.status === 401) return 401;
  if (res.status === 404) return 'hidden';
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return found(res.body as never) ? 'seen' : 'hidden';
}

const hasId = (id: string) => (body: { items: Array<{ id: string }> }) =>
  body.items.some((item) => item.id === id);
const hasUser = (username: string) => (body: { items: Array<{ username: string }> }) =>
  body.items.some((item) => item.username === username);

const everyoneBut = (...hidden: Scenario[]) => SCENARIOS.filter((s) => !hidden.includes(s));
/** Posts and follow lists: a blocked pair, a private account to a non-follower, a suspension. */
const CONTENT = everyoneBut('blockedBy', 'blocking', 'privateNonFollower', 'suspended');
/** The person in lists (comments, likes, followers, search): a blocked pair, a suspension. */
const PERSON = everyoneBut('blockedBy', 'blocking', 'suspended');
/** Feeds, explore and tags: as CONTENT, and a mute hides too. */
const FEEDS = CONTENT.filter((s) => s !== 'muted');

const PROBES: Record<string, Row[]> = {
  '/api/users/{username}': [
    row(
      (w) => probeGet(w.agent, `/api/users/${w.x.username}`),
      everyoneBut('blockedBy', 'suspended'),
    ),
  ],
  '/api/users/{username}/posts': [
    row((w) => probeGet(w.agent, `/api/users/${w.x.username}/posts`, hasId(w.post.id)), CONTENT),
  ],
  '/api/users/{username}/followers': [
    row(
      (w) => probeGet(w.agent, `/api/users/${w.x.username}/followers`, hasUser(w.helper.username)),
      CONTENT,
    ),
    // X in someone else's list.
    row(
      (w) => probeGet(w.agent, `/api/users/${w.helper.username}/followers`, hasUser(w.x.username)),
      PERSON,
    ),
  ],
  '/api/users/{username}/following': [
    row(
      (w) => probeGet(w.agent, `/api/users/${w.x.username}/following`, hasUser(w.helper.username)),
      CONTENT,
    ),
    row(
      (w) => probeGet(w.agent, `/api/users/${w.helper.username}/following`, hasUser(w.x.username)),
      PERSON,
    ),
  ],
  '/api/posts': [row((w) => probeGet(w.agent, '/api/posts?limit=100', hasId(w.post.id)), FEEDS)],
  '/api/feed': [
    row(
      (w) => probeGet(w.agent, '/api/feed?limit=100', hasId(w.post.id)),
      FEEDS.filter((s) => s !== 'anonymous'),
      'anonymous-401',
    ),
  ],
  '/api/posts/{id}': [row((w) => probeGet(w.agent, `/api/posts/${w.post.id}`), CONTENT)],
  '/api/posts/{id}/comments': [
    row((w) => probeGet(w.agent, `/api/posts/${w.post.id}/comments`), CONTENT),
    row(
      (w) =>
        probeGet(
          w.agent,
          `/api/posts/${w.helpersPost.id}/comments`,
          (body: { items: Array<{ author: { username: string } }> }) =>
            body.items.some((c) => c.author.username === w.x.username),
        ),
      PERSON,
    ),
  ],
  '/api/posts/{id}/likes': [
    row((w) => probeGet(w.agent, `/api/posts/${w.post.id}/likes`), CONTENT),
    row(
      (w) => probeGet(w.agent, `/api/posts/${w.helpersPost.id}/likes`, hasUser(w.x.username)),
      PERSON,
    ),
  ],
  // The author's alone: nobody else, whatever the relation.
  '/api/posts/{id}/media/{mediaId}/original': [
    row(async (w) => {
      const res = await w.agent.get(`/api/posts/${w.post.id}/media/${w.post.media[0].id}/original`);
      if (res.status === 404) return 'hidden';
      throw new Error(`original answered ${res.status}`);
    }, []),
  ],
  '/api/tags/{tag}/posts': [
    row((w) => probeGet(w.agent, `/api/tags/${w.tag}/posts`, hasId(w.post.id)), FEEDS),
  ],
  '/api/search': [
    row(
      (w) =>
        probeGet(
          w.agent,
          `/api/search?q=${w.x.username}`,
          (body: { users: Array<{ username: string }> }) =>
            body.users.some((user) => user.username === w.x.username),
        ),
      // Suspended accounts are not searched, even by moderators (they reach them by name).
      PERSON.filter((s) => s !== 'suspendedToModerator'),
    ),
  ],
  '/api/explore': [
    row((w) => probeGet(w.agent, '/api/explore?limit=100', hasId(w.post.id)), FEEDS),
  ],
  // X is followed by someone the viewer follows; following X already takes them out too.
  '/api/users/suggested': [
    row(
      (w) => probeGet(w.agent, '/api/users/suggested', hasUser(w.x.username)),
      ['privateNonFollower'],
      'anonymous-401',
    ),
  ],
  // X liked the viewer's post.
  '/api/notifications': [
    row(
      (w) =>
        probeGet(
          w.agent,
          '/api/notifications',
          (body: { items: Array<{ actor: { username: string } }> }) =>
            body.items.some((n) => n.actor.username === w.x.username),
        ),
      everyoneBut('blockedBy', 'blocking', 'muted', 'suspended'),
      'anonymous-401',
    ),
  ],
  '/api/notifications/unread-count': [
    row(
      (w) =>
        probeGet(
          w.agent,
          '/api/notifications/unread-count',
          (body: { count: number }) => body.count > 0,
        ),
      everyoneBut('blockedBy', 'blocking', 'muted', 'suspended'),
      'anonymous-401',
    ),
  ],
};

/** GET routes that show no one else's content to the caller, and why. */
const EXEMPT: Record<string, string> = {
  '/api/auth/me': 'the caller’s own account',
  '/api/users/me/blocks': 'the caller’s own blocks (listing the blocked is the point)',
  '/api/users/me/mutes': 'the caller’s own mutes',
  '/api/users/me/follow-requests': 'requests to the caller, who may decline them',
  '/api/tags/{tag}': 'a tag name and a count of posts, no content',
  '/api/meta': 'limits, no content',
  '/api/moderation/reports': 'moderators see everything; others get 403 (moderation suite)',
  '/api/moderation/actions': 'admins’ audit log; others get 403 (moderation suite)',
  '/api/admin/jobs': 'the job queue’s figures, for admins; no one’s content',
  '/health': 'liveness',
  '/health/ready': 'readiness',
};

describe('The visibility matrix over every read route (e2e)', () => {
  let t: TestApp;
  let admin: Account;
  let getPaths: string[];
  const worlds = new Map<Scenario, World>();

  const suspend = async (reporter: Account, x: Account) => {
    const report = await reporter.agent
      .post('/api/reports')
      .send({ subject: { type: 'user', id: x.id }, reason: 'spam' })
      .expect(201);
    await admin.agent
      .post(`/api/moderation/reports/${report.body.id}/resolve`)
      .send({ action: 'suspend' })
      .expect(200);
  };

  async function build(scenario: Scenario): Promise<World> {
    const x = await signUp(t);
    const helper = await signUp(t);
    const viewer =
      scenario === 'anonymous'
        ? undefined
        : scenario === 'suspendedToModerator'
          ? admin
          : await signUp(t);
    const tag = `m${randomBytes(4).toString('hex')}`;
    const helpersPost = await publish(t, helper.agent);
    const post = await publish(t, x.agent, { caption: `#${tag}` });
    const viewersPost = viewer ? await publish(t, viewer.agent) : undefined;
    // Engagement for explore; X in others' lists; X liked the viewer's post.
    await helper.agent.put(`/api/posts/${post.id}/like`).expect(204);
    await helper.agent.put(`/api/posts/${post.id}/like`).expect(204);
    await x.agent.post(`/api/posts/${helpersPost.id}/comments`).send({ body: 'nice' }).expect(201);
    await x.agent.put(`/api/posts/${helpersPost.id}/like`).expect(204);
    await x.agent.put(`/api/users/${helper.username}/follow`).expect(204);
    await helper.agent.put(`/api/users/${x.username}/follow`).expect(204);
    if (viewer && viewersPost) {
      await x.agent.put(`/api/posts/${viewersPost.id}/like`).expect(204);
      await viewer.agent.put(`/api/users/${helper.username}/follow`).expect(204);
      if (scenario !== 'privateNonFollower')
        await viewer.agent.put(`/api/users/${x.username}/follow`).expect(204);
    }
    switch (scenario) {
      case 'blockedBy':
        await x.agent.put(`/api/users/${viewer!.username}/block`).expect(204);
        break;
      case 'blocking':
        await viewer!.agent.put(`/api/users/${x.username}/block`).expect(204);
        break;
      case 'privateNonFollower':
      case 'privateFollower':
        await x.agent.patch('/api/users/me').send({ private: true }).expect(200);
        break;
      case 'muted':
        await viewer!.agent.put(`/api/users/${x.username}/mute`).expect(204);
        break;
      case 'suspended':
      case 'suspendedToModerator':
        await suspend(helper, x);
        break;
      case 'anonymous':
        break;
    }
    return { x, viewer, agent: viewer?.agent ?? client(t), helper, post, helpersPost, tag };
  }

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t); // the first account: an admin
    getPaths = Object.entries(
      (await client(t).get('/docs-json').expect(200)).body.paths as Record<string, object>,
    )
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    for (const scenario of SCENARIOS) worlds.set(scenario, await build(scenario));
    await eventually(async () => expect(await jobRows(t, 'timeline.fanout')).toEqual([]));
    await t.app.get(ExploreService).refresh();
  }, 300_000);

  afterAll(async () => {
    await t.close();
  });

  it('probes every GET route of the OpenAPI document, or names why it is exempt', () => {
    const covered = new Set([...Object.keys(PROBES), ...Object.keys(EXEMPT)]);
    expect(getPaths.filter((path) => !covered.has(path))).toEqual([]);
    expect([...covered].filter((path) => !getPaths.includes(path))).toEqual([]);
  });

  describe.each(Object.keys(PROBES))('GET %s', (path) => {
    it.each(SCENARIOS)('as %s', async (scenario) => {
      const world = worlds.get(scenario)!;
      const expected = PROBES[path].map(([, table]) => table[scenario]);
      const seen: Seen[] = [];
      for (const [probe] of PROBES[path]) seen.push(await probe(world));
      expect(seen).toEqual(expected);
    });
  });
});
