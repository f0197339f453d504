import { Injectable } from '@nestjs/common';
import { PhotoDto, VariantDto } from './dto/photo.dto';
import type { Image, ProcessingState, StoredVariant } from './entities/image.entity';
import { ImageUrls } from './image-urls';
import { ImagesRepository } from './images.repository';

/** `url` of a photo: the widest variant up to this width. */
const DEFAULT_WIDTH = 1080;
/** An avatar is shown from its 160 px variant. */
const AVATAR_SIDE = 160;

/** The columns of an attached image a photo view is made from (a page of posts reads them). */
export interface StoredPhoto {
  id: string;
  processing: ProcessingState | null;
  width: number | null;
  height: number | null;
  placeholder: string | null;
  color: string | null;
  variants: StoredVariant[] | null;
}

/** What clients see of images in use: photos with their variants, avatars by URL. */
@Injectable()
export class ImagePresenter {
  constructor(
    private readonly imagesRepository: ImagesRepository,
    private readonly urls: ImageUrls,
  ) {}

  /** The client view of a photo read with its post (no query). */
  async photoOf(image: StoredPhoto): Promise<PhotoDto> {
    const ready = image.processing === 'ready' && !!image.variants?.length;
    const variants: VariantDto[] = ready
      ? await Promise.all(
          image.variants!.map(async (variant) => ({
            width: variant.width,
            height: variant.height,
            contentType: 'image/webp' as const,
            url: await this.urls.urlFor(variant.key),
          })),
        )
      : [];
    return {
      id: image.id,
      status: image.processing ?? 'processing',
      width: image.width ?? 0,
      height: image.height ?? 0,
      placeholder: image.placeholder,
      color: image.color,
      url: variants.length ? widestUpTo(variants, DEFAULT_WIDTH).url : '',
      variants,
    };
  }

  /** The URL of an avatar from its variants read with its user (no query); null until ready. */
  async avatarUrlOf(variants: StoredVariant[] | null): Promise<string | null> {
    return variants?.length ? this.urls.urlFor(widestUpTo(variants, AVATAR_SIDE).key) : null;
  }

  /** The URL of each ready avatar, by image id, in one query. */
  async avatarUrls(imageIds: string[]): Promise<Map<string, string>> {
    const rows = (await this.attached(imageIds)).filter((image) => image.variants?.length);
    return new Map(
      await Promise.all(
        rows.map(async (image) => {
          const variant = widestUpTo(image.variants!, AVATAR_SIDE);
          return [image.id, await this.urls.urlFor(variant.key)] as const;
        }),
      ),
    );
  }

  private async attached(imageIds: string[]): Promise<Image[]> {
    const rows = await this.imagesRepository.findByIds([...new Set(imageIds)]);
    return rows.filter((image) => image.status === 'attached');
  }
}

/** The widest of `variants` (widest first) no wider than `width`, else the narrowest. */
function widestUpTo<T extends { width: number }>(variants: T[], width: number): T {
  return variants.find((variant) => variant.width <= width) ?? variants[variants.length - 1];
}
