import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import { mentionsIn, tagsIn } from '../common/text/caption-parser';
import { ImagePresenter } from '../images/image-presenter';
import { ProfilesService } from '../users/profiles.service';
import type { PostDto, PostPhotoDto } from './dto/post.dto';
import { LikesRepository } from './likes.repository';
import type { PostRecord } from './post-record';

/**
 * Posts as clients see them, from the records a page's one statement read: one more query for
 * which of them the viewer likes, and one for which mentioned names exist, only when a
 * caption mentions someone.
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
    const [liked, mentionable] = await Promise.all([
      viewer
        ? this.likesRepository.likedAmong(
            viewer.id,
            shown.map((post) => post.id),
          )
        : undefined,
      this.profiles.existingUsernames(shown.flatMap((post) => mentionsIn(post.caption))),
    ]);
    return Promise.all(
      shown.map(async (post): Promise<PostDto> => {
        const [media, avatarUrl] = await Promise.all([
          Promise.all(
            post.photos.map(async (photo): Promise<PostPhotoDto> => ({
              ...(await this.imagePresenter.photoOf(photo)),
              altText: photo.altText,
            })),
          ),
          this.imagePresenter.avatarUrlOf(post.author.avatarVariants),
        ]);
        const { id, username, firstName, lastName } = post.author;
        return {
          id: post.id,
          author: { id, username, firstName, lastName, avatarUrl },
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
      }),
    );
  }
}
