import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, describeError, type SearchResult } from '../api';
import { Avatar, displayName } from './Avatar';

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

type State =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; query: string; result: SearchResult };

interface Option {
  key: string;
  to: string;
}

/** The people and tags of a result as one list of places to go, people first. */
function optionsOf(result: SearchResult): Option[] {
  return [
    ...result.users.map((user) => ({
      key: `u ${user.id}`,
      to: `/u/${user.username}`,
    })),
    ...result.tags.map((tag) => ({
      key: `t ${tag.name}`,
      to: `/tags/${encodeURIComponent(tag.name)}`,
    })),
  ];
}

/**
 * People and tags as you type (`GET /api/search`, debounced; a newer query cancels the older
 * one). A combobox: ↓/↑ move through the results, Enter opens one, Escape closes the list.
 * Case and accents are the server's business ("zoe" finds "Zoë").
 */
export function SearchBox({ autoFocus = false }: { autoFocus?: boolean }) {
  const id = useId();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<State>({ state: 'idle' });
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFound({ state: 'idle' });
      return;
    }
    // Cleared (timer and request) as soon as the query changes again.
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setFound({ state: 'searching' });
      api.search(q, controller.signal).then(
        (result) => {
          if (controller.signal.aborted) return;
          setFound({ state: 'ready', query: q, result });
          setActive(-1);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const message =
            error instanceof ApiError && error.unavailable
              ? 'Search is unavailable right now. Try again in a moment.'
              : describeError(error);
          setFound({ state: 'failed', message });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const options = found.state === 'ready' ? optionsOf(found.result) : [];
  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && found.state !== 'idle';

  function go(option: Option) {
    setOpen(false);
    setQuery('');
    navigate(option.to);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const option = options[active === -1 ? 0 : active];
      if (option) go(option);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the list and keeps the words (a second Escape clears the field, as usual).
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  let index = -1;
  const next = () => (index += 1);
  return (
    <div
      className="search"
      role="search"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search people and tags
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        placeholder="Search"
        autoComplete="off"
        autoFocus={autoFocus}
        maxLength={100}
        value={query}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <div className="search-results" hidden={!expanded}>
        {found.state === 'searching' && (
          <p role="status" className="muted">
            Searching…
          </p>
        )}
        {found.state === 'failed' && (
          <p role="alert" className="error">
            {found.message}
          </p>
        )}
        {found.state === 'ready' && options.length === 0 && (
          <p role="status">Nobody and no tag matches “{found.query}”.</p>
        )}
        {/* Options are not links (nothing interactive inside an option): a click or Enter
            goes to the chosen one. */}
        <ul id={listId} role="listbox" aria-label="Search results">
          {found.state === 'ready' &&
            found.result.users.map((user) => {
              const at = next();
              return (
                <li
                  key={user.id}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === active}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => go(options[at])}
                >
                  <Avatar user={user} size={44} />
                  <span>
                    <strong>{user.username}</strong>
                    <span className="visually-hidden">, </span>
                    <br />
                    <span className="muted">{displayName(user)}</span>
                  </span>
                </li>
              );
            })}
          {found.state === 'ready' &&
            found.result.tags.map((tag) => {
              const at = next();
              const posts = `${tag.postCount} ${tag.postCount === 1 ? 'post' : 'posts'}`;
              return (
                <li
                  key={tag.name}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === active}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => go(options[at])}
                >
                  <span className="tag-mark" aria-hidden="true">
                    #
                  </span>
                  <span>
                    <strong>#{tag.name}</strong>
                    <span className="visually-hidden">, </span>
                    <br />
                    <span className="muted">{posts}</span>
                  </span>
                </li>
              );
            })}
        </ul>
      </div>
    </div>
  );
}
