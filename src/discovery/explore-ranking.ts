/** What explore weighs: likes and comments of the last week, each worth less as it ages. */
export const RANKING_WINDOW_MS = 7 * 24 * 3600_000;
const HALF_LIFE_MS = 24 * 3600_000;
const COMMENT_WEIGHT = 2;
export const MAX_POSTS_PER_AUTHOR = 3;
export const MAX_RANKED_POSTS = 500;

export interface Interaction {
  postId: string;
  authorId: string;
  at: Date;
}

/**
 * Post ids best first: each like counts 1 and each comment 2, halved for every day since it
 * happened; ties go to the newer post (ids are time-ordered); no author holds more than three
 * places.
 */
export function rank(likes: Interaction[], comments: Interaction[], now: Date): string[] {
  const scores = new Map<string, { score: number; authorId: string }>();
  const add = (interaction: Interaction, weight: number) => {
    const age = Math.max(0, now.getTime() - interaction.at.getTime());
    const entry = scores.get(interaction.postId) ?? { score: 0, authorId: interaction.authorId };
    entry.score += weight * 0.5 ** (age / HALF_LIFE_MS);
    scores.set(interaction.postId, entry);
  };
  for (const like of likes) add(like, 1);
  for (const comment of comments) add(comment, COMMENT_WEIGHT);
  const perAuthor = new Map<string, number>();
  const ranked: string[] = [];
  const ordered = [...scores].sort(
    ([idA, a], [idB, b]) => b.score - a.score || (idB > idA ? 1 : idB < idA ? -1 : 0),
  );
  for (const [postId, { authorId }] of ordered) {
    const count = perAuthor.get(authorId) ?? 0;
    if (count >= MAX_POSTS_PER_AUTHOR) continue;
    perAuthor.set(authorId, count + 1);
    ranked.push(postId);
    if (ranked.length >= MAX_RANKED_POSTS) break;
  }
  return ranked;
}
