import { Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, ErrorCode, notFound } from '../common/errors/app-error';
import { webDir } from '../config/web';
import { PostReadsService } from '../posts/post-reads.service';
import { ProfileViewsService } from '../relations/profile-views.service';
import { shorten, withPreview, type SocialPreview } from './social-preview';

const displayName = (user: {
  firstName: string | null;
  lastName: string | null;
  username: string;
}) => [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;

/**
 * The web client's index.html for a post or profile page, with its social preview when
 * someone who is not signed in may see that post or profile; otherwise the page as built, so
 * nothing a visitor may not see ends up in a preview. The SPA does the rest either way.
 */
@Injectable()
export class SocialPreviewService {
  private readonly logger = new Logger(SocialPreviewService.name);
  private index?: Promise<string>;

  constructor(
    private readonly posts: PostReadsService,
    private readonly profiles: ProfileViewsService,
  ) {}

  async postPage(id: string, origin: string): Promise<string> {
    return this.page(async () => {
      const post = await this.posts.get(id); // as nobody signed in sees it
      const photo = post.media[0];
      const variant = photo?.variants.find((candidate) => candidate.url === photo.url);
      const by = `@${post.author.username}`;
      return {
        title: `Photo by ${by}`,
        description: post.caption
          ? shorten(post.caption)
          : `A photo by ${displayName(post.author)} (${by}) on Freeb.`,
        url: `${origin}/p/${post.id}`,
        type: 'article',
        // The widest variant up to 1080 px (photo.url): never the original.
        image: photo?.url
          ? {
              url: new URL(photo.url, origin).toString(),
              width: variant?.width,
              height: variant?.height,
              alt: photo.altText ?? `Photo by ${by}`,
            }
          : undefined,
      };
    });
  }

  async profilePage(username: string, origin: string): Promise<string> {
    return this.page(async () => {
      const profile = await this.profiles.profile(username); // as nobody signed in sees it
      // A private account's profile is visible, but it is not shared further.
      if (profile.private) return undefined;
      const name = displayName(profile);
      const { posts, followers } = profile.counts;
      return {
        title: `${name} (@${profile.username})`,
        description: profile.bio
          ? shorten(profile.bio)
          : `${posts} ${posts === 1 ? 'post' : 'posts'}, ${followers} ${followers === 1 ? 'follower' : 'followers'} on Freeb.`,
        url: `${origin}/u/${profile.username}`,
        type: 'profile',
        image: profile.avatarUrl
          ? { url: new URL(profile.avatarUrl, origin).toString(), alt: `Avatar of ${name}` }
          : undefined,
      };
    });
  }

  /** index.html with the preview, or as built when there is none (missing, hidden, failed). */
  private async page(preview: () => Promise<SocialPreview | undefined>): Promise<string> {
    const html = await this.indexHtml();
    try {
      const found = await preview();
      return found ? withPreview(html, found) : html;
    } catch (error) {
      if (!(error instanceof AppError && error.code === ErrorCode.NotFound)) {
        this.logger.warn(`Social preview left out: ${(error as Error).message}`);
      }
      return html;
    }
  }

  /** Read once: the build does not change under a running app. */
  private indexHtml(): Promise<string> {
    this.index ??= readFile(join(webDir(), 'index.html'), 'utf8').catch(() => {
      this.index = undefined;
      throw notFound('The web client');
    });
    return this.index;
  }
}
