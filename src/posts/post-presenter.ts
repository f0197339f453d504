import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import { mentionsIn, tagsIn } from '../common/text/caption-parser';
import { ImagePresenter } from '../images/image-presenter';
import { ProfilesService } from '../users/profiles.service';
import type { PostDto, PostPhotoDto } from './dto/post.dto';
import type { Post } from './entities/post.entity';
import { LikesRepository } from './likes.repository';
import { PostMediaRepository } from './post-media.repository';

/** Posts as clients see them, in a fixed number of queries whatever their number. */
@Injectable()
export class PostPresenter {
  constructor(
    private readonly postMediaRepository: PostMediaRepository,
    private readonly likesRepository: LikesRepository,
    private readonly imagePresenter: ImagePresenter,
    private readonly profiles: ProfilesService,
  ) {}

  /**
   * Their photos in order (one query for the order, one for the images), their authors (and
   * the authors' avatars), which of them the viewer likes, and which mentioned names exist. Counts are columns of the posts.
   */
  async present(posts: Post[], viewer?: Viewer): Promise<PostDto[]> {
    const ids = posts.map((post) => post.id);
    const media = await this.postMediaRepository.findByPosts(ids);
    const [photos, authors, liked, mentionable] = await Promise.all([
      this.imagePresenter.photos(media.map((item) => item.imageId)),
      this.profiles.summaries(posts.map((post) => post.authorId)),
      viewer ? this.likesRepository.likedAmong(viewer.id, ids) : Promise.resolve(undefined),
      this.profiles.existingUsernames(posts.flatMap((post) => mentionsIn(post.caption))),
    ]);
    const mediaOf = new Map<string, PostPhotoDto[]>();
    for (const item of media) {
      const photo = photos.get(item.imageId);
      if (!photo) continue;
      const list = mediaOf.get(item.postId) ?? [];
      list.push({ ...photo, altText: item.altText });
      mediaOf.set(item.postId, list);
    }
    return posts.flatMap((post): PostDto[] => {
      const postMedia = mediaOf.get(post.id);
      const author = authors.get(post.authorId);
      if (!postMedia?.length || !author) return [];
      return [
        {
          id: post.id,
          author,
          status: post.status,
          ...(post.status === 'failed' && post.failure ? { failure: post.failure } : {}),
          media: postMedia,
          image: postMedia[0],
          caption: post.caption,
          tags: tagsIn(post.caption),
          mentions: mentionsIn(post.caption).filter((name) => mentionable.has(name)),
          createdAt: post.createdAt.toISOString(),
          likeCount: post.likeCount,
          commentCount: post.commentCount,
          viewer: liked ? { liked: liked.has(post.id) } : null,
        },
      ];
    });
  }
}
