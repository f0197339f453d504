import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, describeError, type Comment, type Post } from '../api';
import { useSession } from '../session';
import { Avatar } from './Avatar';
import { Field } from './Field';
import { RichText } from './RichText';
import { SubjectMenu } from './SubjectMenu';

export function Comments({
  post,
  onCountChange,
}: {
  post: Post;
  onCountChange: (delta: number) => void;
}) {
  const { me } = useSession();
  const [comments, setComments] = useState<Comment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (from: string | null) => {
      try {
        const page = await api.comments(post.id, from);
        setComments((previous) => (from ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (caught) {
        setError(describeError(caught));
      }
    },
    [post.id],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const comment = await api.addComment(post.id, body);
      setComments((previous) => [...previous, comment]);
      setBody('');
      onCountChange(1);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  async function remove(comment: Comment) {
    setError(undefined);
    try {
      await api.deleteComment(post.id, comment.id);
      setComments((previous) => previous.filter((c) => c.id !== comment.id));
      onCountChange(-1);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <section aria-label="Comments" className="comments">
      <h2>Comments</h2>
      <ul>
        {comments.map((comment) => (
          <li key={comment.id}>
            <Link to={`/u/${comment.author.username}`} className="author">
              <Avatar user={comment.author} size={24} />
              <strong>{comment.author.username}</strong>
            </Link>{' '}
            <span>
              <RichText text={comment.body} mentions={comment.mentions} />
            </span>
            {me && (me.id === comment.author.id || me.id === post.author.id) && (
              <button
                type="button"
                className="link-button"
                onClick={() => void remove(comment)}
                aria-label={`Delete comment by ${comment.author.username}`}
              >
                Delete
              </button>
            )}
            <SubjectMenu
              subject={{ type: 'comment', id: comment.id }}
              what="this comment"
              person={comment.author}
              label={`More options for the comment by @${comment.author.username}`}
            />
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" className="link-button" onClick={() => void load(cursor)}>
          More comments
        </button>
      )}
      {me ? (
        <form onSubmit={(event) => void add(event)} noValidate className="inline-form">
          <Field
            label="Add a comment"
            name="comment"
            value={body}
            maxLength={2200}
            onChange={(e) => setBody(e.target.value)}
          />
          <button type="submit" disabled={!body.trim()}>
            Post comment
          </button>
        </form>
      ) : (
        <p>
          <Link to="/login">Log in</Link> to comment.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
