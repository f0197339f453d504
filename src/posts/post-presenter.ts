import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import { mentionsIn, tagsIn } from '../common/text/caption-parser';
import { ImagePresenter } from '../images/image-presenter';
import { ProfilesService } from '../users/profiles.service';
import type { PostDto, PostPhotoDto } from './dto/post.dto';
import { LikesRepository } from './likes.repository';
import type { PostRecord } from './post-record';

/**
 * Posts as clients see them, from the records a page's one statement read (with whether the
 * viewer likes each, when read for them): the image URLs of the whole page resolved at once,
 * one query for which of the viewer's likes the records do not say, and one for which
 * mentioned names exist, only when a caption mentions someone.
 */
@Injectable()
export class PostPresenter {
  constructor(
    private readonly likesRepository: LikesRepository,
    private readonly imagePresenter: ImagePresenter,
    private readonly profiles: ProfilesService,
  ) {}

  async present(posts: PostRecord[], viewer?: Viewer): Promise<PostDto[]> {
    const shown = posts.filter((post) => post.photos.length > 0);
    const [liked, mentionable, images] = await Promise.all([
      viewer ? this.likedAmong(viewer, shown) : undefined,
      this.profiles.existingUsernames(shown.flatMap((post) => mentionsIn(post.caption))),
      this.imagePresenter.viewsOf(
        shown.flatMap((post) => post.photos),
        shown.map((post) => post.author.avatarVariants),
      ),
    ]);
    return shown.map((post): PostDto => {
      const media = post.photos.map(
        (photo): PostPhotoDto => ({ ...images.photo(photo), altText: photo.altText }),
      );
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
        viewer: liked ? { liked: liked.has(post.id) } : null,
      };
    });
  }

  /** The posts the viewer likes: as the page's statement read them, else in one query. */
  private async likedAmong(viewer: Viewer, posts: PostRecord[]): Promise<Set<string>> {
    if (posts.every((post) => post.likedByViewer !== undefined)) {
      return new Set(posts.filter((post) => post.likedByViewer).map((post) => post.id));
    }
    return this.likesRepository.likedAmong(
      viewer.id,
      posts.map((post) => post.id),
    );
  }
}
