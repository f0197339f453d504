/**
 * The Freeb REST API for the web client (same origin, session cookie). Every call and type comes
 * from the generated client (`generated/`, made by `npm run api:client` from the app's OpenAPI
 * document); this file only names them for the pages and turns failures into `ApiError`s.
 */
import { client } from './generated/client.gen';
import * as sdk from './generated/sdk.gen';
import type {
  CommentDto,
  CreateUploadDto,
  FieldErrorDto,
  CreateReportDto,
  MetaDto,
  ModerationReportDto,
  NewPostMediaDto,
  NotificationDto,
  PostPhotoDto,
  PostDto,
  PrivateUserDto,
  ProblemDetails,
  ProfileDto,
  ResolveReportDto,
  SearchResultDto,
  SignupDto,
  TagDto,
  UpdatePostDto,
  UpdateProfileDto,
  UploadDto,
  UserSummaryDto,
} from './generated/types.gen';

export type Post = PostDto;
export type Photo = PostPhotoDto;
export type Profile = ProfileDto;
export type Me = PrivateUserDto;
export type UserSummary = UserSummaryDto;
export type Comment = CommentDto;
export type Meta = MetaDto;
export type Upload = UploadDto;
export type Problem = ProblemDetails;
export type FieldError = FieldErrorDto;
export type Tag = TagDto;
export type SearchResult = SearchResultDto;
export type Notification = NotificationDto;
export type NewReport = CreateReportDto;
export type ReportReason = CreateReportDto['reason'];
export type ModerationReport = ModerationReportDto;
export type Resolution = ResolveReportDto;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfter?: number,
  ) {
    super(problem.detail);
  }

  /**
   * The message for one field, if the API named it, worded for a person: the API's messages
   * start with the raw field name (`currentPassword is not correct`), replaced by the label.
   */
  fieldMessage(field: string, label?: string): string | undefined {
    const message = this.problem.errors?.find((error) => error.field === field)?.message;
    if (message === undefined || label === undefined) return message;
    return message.startsWith(`${field} `) ? `${label}${message.slice(field.length)}` : message;
  }

  /** Whether the API blamed one of these fields (so the form shows it there, not twice). */
  blames(fields: string[]): boolean {
    return this.problem.errors?.some((error) => fields.includes(error.field)) ?? false;
  }

  /** 5xx and network failures: Freeb itself is unavailable, not the thing asked for. */
  get unavailable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/** Fired when the API answers 401 to a signed-in call: the session ended (revoked, expired). */
export const SESSION_ENDED = 'freeb:session-ended';

/** Calls whose 401 means "not signed in" rather than "your session ended". */
const SIGNED_OUT_IS_EXPECTED = ['/api/auth/me', '/api/auth/login', '/api/auth/signup'];

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && 'detail' in body && 'status' in body;

/** What the generated client threw (a parsed body, or fetch's TypeError) as an ApiError. */
export function toApiError(
  thrown: unknown,
  response: Response | undefined,
  request: Request | undefined,
): ApiError {
  if (!response) {
    return new ApiError(0, {
      type: 'network',
      title: 'Offline',
      status: 0,
      detail: 'Could not reach Freeb. Check your connection and try again.',
    });
  }
  const path = request ? new URL(request.url).pathname : '';
  if (response.status === 401 && !SIGNED_OUT_IS_EXPECTED.includes(path)) {
    window.dispatchEvent(new Event(SESSION_ENDED));
  }
  const problem = isProblem(thrown)
    ? thrown
    : {
        type: 'unknown',
        title: response.statusText,
        status: response.status,
        detail: `Something went wrong (${response.status}).`,
      };
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  return new ApiError(response.status, problem, retryAfter);
}

// Same origin; absolute, because the client builds a Request from the URL.
client.setConfig({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  throwOnError: true,
});
client.interceptors.error.use(toApiError);

/** The body of a call that succeeded (the generated functions resolve to `{data, response}`). */
async function data<T>(call: Promise<{ data: T }>): Promise<T> {
  return (await call).data;
}

/** A 204: nothing to return. */
async function done(call: Promise<unknown>): Promise<void> {
  await call;
}

/** Every call throws its failure (as an ApiError, through the interceptor above). */
const strict = { throwOnError: true } as const;
const page = (cursor?: string | null) => ({ query: cursor ? { cursor } : undefined });
const user = (username: string) => ({ ...strict, path: { username } });
const post = (id: string) => ({ ...strict, path: { id } });
const tag = (name: string) => ({ ...strict, path: { tag: name } });

export const api = {
  me: () => data(sdk.authControllerMe(strict)),
  signup: (body: SignupDto) => data(sdk.authControllerSignup({ ...strict, body })),
  login: (login: string, password: string) =>
    data(sdk.authControllerLogin({ ...strict, body: { login, password } })),
  logout: () => done(sdk.authControllerLogout(strict)),
  changePassword: (currentPassword: string, newPassword: string) =>
    done(sdk.authControllerChangePassword({ ...strict, body: { currentPassword, newPassword } })),
  deleteAccount: (password: string) =>
    done(sdk.accountControllerDeleteAccount({ ...strict, body: { password } })),
  updateProfile: (body: UpdateProfileDto) => data(sdk.usersControllerUpdateMe({ ...strict, body })),
  profile: (username: string) => data(sdk.usersControllerGetProfile(user(username))),
  /** Following a private account makes a request (202) they accept or decline. */
  follow: async (username: string): Promise<'following' | 'requested'> =>
    (await sdk.followsControllerFollow(user(username))).data?.status === 'requested'
      ? 'requested'
      : 'following',
  unfollow: (username: string) => done(sdk.followsControllerUnfollow(user(username))),
  followers: (username: string, cursor?: string | null) =>
    data(sdk.followsControllerFollowers({ ...user(username), ...page(cursor) })),
  following: (username: string, cursor?: string | null) =>
    data(sdk.followsControllerFollowing({ ...user(username), ...page(cursor) })),
  meta: () => data(sdk.metaControllerGet(strict)),
  publicFeed: (cursor?: string | null) =>
    data(sdk.postsControllerPublicFeed({ ...strict, ...page(cursor) })),
  homeFeed: (cursor?: string | null) =>
    data(sdk.postsControllerHomeFeed({ ...strict, ...page(cursor) })),
  userPosts: (username: string, cursor?: string | null) =>
    data(sdk.postsControllerByUser({ ...user(username), ...page(cursor) })),
  post: (id: string) => data(sdk.postsControllerGet(post(id))),
  // The page checked the type against GET /api/meta; the API refuses any other with a 400.
  createUpload: (contentType: string, size: number) =>
    data(
      sdk.imagesControllerCreateUpload({
        ...strict,
        body: { contentType: contentType as CreateUploadDto['contentType'], size },
      }),
    ),
  createPost: (media: NewPostMediaDto[], caption: string) =>
    data(sdk.postsControllerCreate({ ...strict, body: { media, caption } })),
  updatePost: (id: string, body: UpdatePostDto) =>
    data(sdk.postsControllerUpdate({ ...post(id), body })),
  deletePost: (id: string) => done(sdk.postsControllerDelete(post(id))),
  like: (id: string) => done(sdk.interactionsControllerLike(post(id))),
  unlike: (id: string) => done(sdk.interactionsControllerUnlike(post(id))),
  comments: (id: string, cursor?: string | null) =>
    data(sdk.interactionsControllerListComments({ ...post(id), ...page(cursor) })),
  addComment: (id: string, body: string) =>
    data(sdk.interactionsControllerComment({ ...post(id), body: { body } })),
  deleteComment: (id: string, commentId: string) =>
    done(sdk.interactionsControllerDeleteComment({ ...strict, path: { id, commentId } })),
  block: (username: string) => done(sdk.relationsControllerBlock(user(username))),
  unblock: (username: string) => done(sdk.relationsControllerUnblock(user(username))),
  mute: (username: string) => done(sdk.relationsControllerMute(user(username))),
  unmute: (username: string) => done(sdk.relationsControllerUnmute(user(username))),
  blocked: (cursor?: string | null) =>
    data(sdk.relationsControllerBlocked({ ...strict, ...page(cursor) })),
  muted: (cursor?: string | null) =>
    data(sdk.relationsControllerMuted({ ...strict, ...page(cursor) })),
  followRequests: (cursor?: string | null) =>
    data(sdk.followRequestsControllerList({ ...strict, ...page(cursor) })),
  acceptRequest: (username: string) => done(sdk.followRequestsControllerAccept(user(username))),
  declineRequest: (username: string) => done(sdk.followRequestsControllerDecline(user(username))),
  likers: (id: string, cursor?: string | null) =>
    data(sdk.interactionsControllerLikers({ ...post(id), ...page(cursor) })),
  tag: (name: string) => data(sdk.discoveryControllerTag(tag(name))),
  tagPosts: (name: string, cursor?: string | null) =>
    data(sdk.discoveryControllerTagPosts({ ...tag(name), ...page(cursor) })),
  search: (q: string, signal?: AbortSignal) =>
    data(sdk.discoveryControllerSearch({ ...strict, query: { q }, signal })),
  explore: (cursor?: string | null) =>
    data(sdk.discoveryControllerExplorePage({ ...strict, ...page(cursor) })),
  suggested: () => data(sdk.discoveryControllerSuggested(strict)),
  notifications: (cursor?: string | null) =>
    data(sdk.notificationsControllerList({ ...strict, ...page(cursor) })),
  unreadCount: () => data(sdk.notificationsControllerUnreadCount(strict)),
  markRead: (upTo?: string) =>
    done(sdk.notificationsControllerMarkRead({ ...strict, body: upTo ? { upTo } : {} })),
  report: (body: NewReport) => data(sdk.reportsControllerCreate({ ...strict, body })),
  moderationQueue: (status: 'open' | 'resolved', cursor?: string | null) =>
    data(
      sdk.moderationControllerQueue({
        ...strict,
        query: cursor ? { status, cursor } : { status },
      }),
    ),
  resolveReport: (id: string, body: Resolution) =>
    data(sdk.moderationControllerResolve({ ...strict, path: { id }, body })),
};

/** A problem as one sentence for a person, with the wait when throttled. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfter) {
      const minutes = Math.ceil(error.retryAfter / 60);
      return `Too many attempts. Try again in ${minutes > 1 ? `${minutes} minutes` : `${error.retryAfter} seconds`}.`;
    }
    return error.problem.detail;
  }
  return 'Something went wrong. Please try again.';
}
