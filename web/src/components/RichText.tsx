import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The server's rules for tags and mentions (src/common/text/caption-parser.ts): a tag is `#`
 * and Unicode letters, digits or `_`; a mention is `@` and a username; neither glued to a word
 * before it. Which ones become links is the server's word: the post's or comment's `tags` and
 * `mentions` (a mention of nobody stays text).
 */
const TOKEN =
  /(?<![\p{L}\p{M}\p{N}_&#@])#([\p{L}\p{M}\p{N}_]+)|(?<![\p{L}\p{M}\p{N}_.@#])@([A-Za-z0-9._]+)/gu;

const MAX_TAG_LENGTH = 100;

/**
 * Caption or comment text with its `#tags` and `@mentions` as links; never HTML. Without
 * `tags` (a comment carries none: only captions are indexed) every well-formed tag links.
 */
export function RichText({
  text,
  tags,
  mentions,
}: {
  text: string;
  tags?: readonly string[];
  mentions: readonly string[];
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, rawTag, rawName] = match;
    let link: ReactNode = null;
    let length = whole.length;
    if (rawTag !== undefined) {
      const name = rawTag.normalize('NFC').toLowerCase();
      if (tags ? tags.includes(name) : [...name].length <= MAX_TAG_LENGTH) {
        link = <Link to={`/tags/${encodeURIComponent(name)}`}>{whole}</Link>;
      }
    } else if (rawName !== undefined) {
      // A trailing dot ends the sentence, not the name.
      const trimmed = rawName.replace(/\.+$/, '');
      const name = trimmed.toLowerCase();
      if (mentions.includes(name)) {
        length = trimmed.length + 1;
        link = <Link to={`/u/${name}`}>@{trimmed}</Link>;
      }
    }
    if (!link) continue;
    const start = match.index;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<Fragment key={start}>{link}</Fragment>);
    at = start + length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
