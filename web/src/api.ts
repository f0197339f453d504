/** A typed client for the Freeb REST API (same origin, session cookie). */

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
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

export interface UserSummary {
  id: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  avatarUrl: string | null;
}

export interface Profile extends UserSummary {
  bio: string | null;
  createdAt: string;
  counts: { posts: number; followers: number; following: number };
  viewer: { following: boolean } | null;
}

export interface Me extends Profile {
  email: string;
}

export interface Post {
  id: string;
  author: UserSummary;
  image: {
    url: string;
    width: number;
    height: number;
    contentType: string;
    altText: string | null;
  };
  caption: string | null;
  createdAt: string;
  likeCount: number;
  commentCount: number;
  viewer: { liked: boolean } | null;
}

export interface Comment {
  id: string;
  author: UserSummary;
  body: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Meta {
  upload: {
    allowedContentTypes: string[];
    maxBytes: number;
    maxPixels: number;
    urlTtlSeconds: number;
  };
  text: { captionMaxLength: number; altTextMaxLength: number; commentMaxLength: number };
  page: { defaultLimit: number; maxLimit: number };
}

export interface Upload {
  uploadId: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      type: 'network',
      title: 'Offline',
      status: 0,
      detail: 'Could not reach Freeb. Check your connection and try again.',
    });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const problem = (data as Problem | undefined) ?? {
      type: 'unknown',
      title: res.statusText,
      status: res.status,
      detail: `Something went wrong (${res.status}).`,
    };
    const retryAfter = Number(res.headers.get('Retry-After')) || undefined;
    if (res.status === 401 && !SIGNED_OUT_IS_EXPECTED.includes(path)) {
      window.dispatchEvent(new Event(SESSION_ENDED));
    }
    throw new ApiError(res.status, problem, retryAfter);
  }
  return data as T;
}

const page = (path: string, cursor?: string | null, limit?: number) => {
  const query = new URLSearchParams();
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
};

export const api = {
  me: () => request<Me>('GET', '/api/auth/me'),
  signup: (body: {
    username: string;
    email: string;
    password: string;
    firstName?: string;
    lastName?: string;
  }) => request<Me>('POST', '/api/auth/signup', body),
  login: (login: string, password: string) =>
    request<Me>('POST', '/api/auth/login', { login, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('PUT', '/api/auth/password', { currentPassword, newPassword }),
  deleteAccount: (password: string) => request<void>('DELETE', '/api/users/me', { password }),
  updateProfile: (body: {
    firstName?: string;
    lastName?: string;
    bio?: string;
    avatarUploadId?: string;
  }) => request<Me>('PATCH', '/api/users/me', body),
  profile: (username: string) =>
    request<Profile>('GET', `/api/users/${encodeURIComponent(username)}`),
  follow: (username: string) =>
    request<void>('PUT', `/api/users/${encodeURIComponent(username)}/follow`),
  unfollow: (username: string) =>
    request<void>('DELETE', `/api/users/${encodeURIComponent(username)}/follow`),
  followers: (username: string, cursor?: string | null) =>
    request<Page<UserSummary>>(
      'GET',
      page(`/api/users/${encodeURIComponent(username)}/followers`, cursor),
    ),
  following: (username: string, cursor?: string | null) =>
    request<Page<UserSummary>>(
      'GET',
      page(`/api/users/${encodeURIComponent(username)}/following`, cursor),
    ),
  meta: () => request<Meta>('GET', '/api/meta'),
  publicFeed: (cursor?: string | null) => request<Page<Post>>('GET', page('/api/posts', cursor)),
  homeFeed: (cursor?: string | null) => request<Page<Post>>('GET', page('/api/feed', cursor)),
  userPosts: (username: string, cursor?: string | null) =>
    request<Page<Post>>('GET', page(`/api/users/${encodeURIComponent(username)}/posts`, cursor)),
  post: (id: string) => request<Post>('GET', `/api/posts/${encodeURIComponent(id)}`),
  createUpload: (contentType: string, size: number) =>
    request<Upload>('POST', '/api/images/uploads', { contentType, size }),
  createPost: (uploadId: string, caption: string, altText: string) =>
    request<Post>('POST', '/api/posts', { uploadId, caption, altText }),
  updatePost: (id: string, body: { caption?: string; altText?: string }) =>
    request<Post>('PATCH', `/api/posts/${encodeURIComponent(id)}`, body),
  deletePost: (id: string) => request<void>('DELETE', `/api/posts/${encodeURIComponent(id)}`),
  like: (id: string) => request<void>('PUT', `/api/posts/${encodeURIComponent(id)}/like`),
  unlike: (id: string) => request<void>('DELETE', `/api/posts/${encodeURIComponent(id)}/like`),
  comments: (id: string, cursor?: string | null) =>
    request<Page<Comment>>('GET', page(`/api/posts/${encodeURIComponent(id)}/comments`, cursor)),
  addComment: (id: string, body: string) =>
    request<Comment>('POST', `/api/posts/${encodeURIComponent(id)}/comments`, { body }),
  deleteComment: (id: string, commentId: string) =>
    request<void>(
      'DELETE',
      `/api/posts/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}`,
    ),
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
