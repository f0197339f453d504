import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, describeError, type Post } from '../api';
import { Avatar, displayName } from '../components/Avatar';
import { Comments } from '../components/Comments';
import { Field } from '../components/Field';
import { LoadFailure } from '../components/LoadFailure';
import { DoubleTapLike } from '../components/DoubleTap';
import { LikeControl } from '../components/LikeButton';
import { useLike } from '../like';
import { PostImage } from '../components/PostImage';
import { RichText } from '../components/RichText';
import { SubjectMenu } from '../components/SubjectMenu';
import { useResource } from '../resource';
import { useSession } from '../session';
import { useTitle } from '../title';

export function PostPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { resource, retry, set } = useResource(() => api.post(id), `${id} ${me?.id}`);
  // A new post is processed in the background: its author sees it come in.
  const processing = resource.state === 'ready' && resource.value.status === 'processing';
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => api.post(id).then(set, () => undefined), 1500);
    return () => clearInterval(timer);
  }, [id, processing, set]);
  if (resource.state === 'loading') return <p className="muted">Loading…</p>;
  if (resource.state === 'failed')
    return <LoadFailure error={resource.error} what="Post" onRetry={retry} />;
  return <PostView post={resource.value} setPost={set} />;
}

function PostView({ post, setPost }: { post: Post; setPost: (post: Post) => void }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ caption: '', altText: '' });
  const like = useLike(post);
  useTitle(`Photo by @${post.author.username}`);

  // A new post is processed in the background: look again until it is ready.
  useEffect(() => {
    if (post.status !== 'processing') return;
    const timer = setTimeout(() => {
      api.post(post.id).then(setPost, () => undefined);
    }, 1000);
    return () => clearTimeout(timer);
  }, [post, setPost]);
  const own = me?.id === post.author.id;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      setPost(await api.updatePost(post.id, draft));
      setEditing(false);
      setError(undefined);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  async function remove() {
    if (!window.confirm('Delete this post? This cannot be undone.')) return;
    try {
      await api.deletePost(post.id);
      navigate(`/u/${post.author.username}`);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <main className="post-page">
      <DoubleTapLike like={like}>
        <PostImage post={post} eager place="post" />
      </DoubleTapLike>
      <div className="post-side">
        <div className="post-head">
          <Link to={`/u/${post.author.username}`} className="author">
            <Avatar user={post.author} />
            <span>{displayName(post.author)}</span>
          </Link>
          <SubjectMenu
            subject={{ type: 'post', id: post.id }}
            what="this post"
            person={post.author}
            label={`More options for the post by @${post.author.username}`}
          />
        </div>
        {editing ? (
          <form onSubmit={(event) => void save(event)} noValidate>
            <Field
              label="Caption"
              name="caption"
              multiline
              value={draft.caption}
              maxLength={2200}
              onChange={(e) => setDraft({ ...draft, caption: e.target.value })}
            />
            <Field
              label="Alt text"
              name="altText"
              multiline
              value={draft.altText}
              maxLength={1000}
              onChange={(e) => setDraft({ ...draft, altText: e.target.value })}
            />
            <button type="submit">Save</button>{' '}
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : (
          post.caption && (
            <p className="caption">
              <RichText text={post.caption} tags={post.tags} mentions={post.mentions} />
            </p>
          )
        )}
        <p className="muted">
          <time dateTime={post.createdAt}>{new Date(post.createdAt).toLocaleString()}</time>
        </p>
        <LikeControl like={like} likedBy={`/p/${post.id}/likes`} />
        {own && !editing && (
          <p className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDraft({ caption: post.caption ?? '', altText: post.image.altText ?? '' });
                setEditing(true);
              }}
            >
              Edit
            </button>{' '}
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete post
            </button>
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <Comments
          post={post}
          onCountChange={(delta) => setPost({ ...post, commentCount: post.commentCount + delta })}
        />
      </div>
    </main>
  );
}
