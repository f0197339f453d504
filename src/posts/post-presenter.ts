import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import { mentionsIn, tagsIn } from '../common/text/caption-parser';
import { ImagePresenter } from '../images/image-presenter';
import { ProfilesService } from '../users/profiles.service';
import type { PostDto, PostPhotoDto } from './dto/post.dto';
import type { PostRecord } from './post-record';

/**
 * Posts as clients see them, from the records a page's one statement read (for a viewer, read
 * with their PageScope, so each says whether they like it): the image URLs of the whole page
 * resolved at once, and one query for which mentioned names exist, only when a caption
 * mentions someone.
 */
@Injectable()
export class PostPresenter {
  constructor(
    private readonly imagePresenter: ImagePresenter,
    private readonly profiles: ProfilesService,
  ) {}

  async present(posts: PostRecord[], viewer?: Viewer): Promise<PostDto[]> {
    const shown = posts.filter((post) => post.photos.length > 0);
    const [mentionable, images] = await Promise.all([
      this.profiles.existingUsernames(shown.flatMap((post) => mentionsIn(post.caption))),
      this.imagePresenter.viewsOf(
        shown.flatMap((post) => post.photos),
        shown.map((post) => post.author.avatarVariants),
      ),
    ]);
    return shown.map((post): PostDto => {
      const media = post.photos.map((photo): PostPhotoDto => ({
        ...images.photo(photo),
        altText: photo.altText,
      }));
      const { id, username, firstName, lastName, avatarVariants } = post.author;
      return {
        id: post.id,
        author: { id, username, firstName, lastName, avatarUrl: images.avatarUrl(avatarVariants) },
        status: post.status,
        ...(post.status === 'failed' && post.failure ? { failure: post.failure } : {}),
        media,
        image: media[0],
        caption: post.caption,
        tags: tagsIn(post.caption),
        mentions: mentionsIn(post.caption).filter((name) => mentionable.has(name)),
        createdAt: post.createdAt.toISOString(),
        likeCount: post.likeCount,
        commentCount: post.commentCount,
        viewer: viewer ? { liked: post.likedByViewer === true } : null,
      };
    });
  }
}
