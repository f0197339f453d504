import { Injectable } from '@nestjs/common';
import { PhotoDto, VariantDto } from './dto/photo.dto';
import type { ProcessingState, StoredVariant } from './entities/image.entity';
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

  /**
   * Views of many images read with their rows (a page of posts: photos and avatars), their
   * URLs resolved together: one await for the page, then each view is made without one.
   */
  async viewsOf(
    photos: StoredPhoto[],
    avatars: Array<StoredVariant[] | null>,
  ): Promise<ImageViews> {
    const keys = new Set<string>();
    for (const photo of photos) {
      if (isReady(photo)) for (const variant of photo.variants!) keys.add(variant.key);
    }
    for (const variants of avatars) if (variants?.length) keys.add(avatarOf(variants).key);
    return new ImageViews(await this.urls.urlsFor(keys));
  }

  /** The URL of each ready avatar, by image id, in one query. */
  async avatarUrls(imageIds: string[]): Promise<Map<string, string>> {
    const rows = await this.imagesRepository.attachedVariants([...new Set(imageIds)]);
    const keys = new Map<string, string>();
    for (const { id, variants } of rows) if (variants?.length) keys.set(id, avatarOf(variants).key);
    const urls = await this.urls.urlsFor(new Set(keys.values()));
    return new Map([...keys].map(([id, key]) => [id, urls.get(key)!] as const));
  }
}

/** Photos and avatars as clients see them, from URLs resolved for a whole page. */
export class ImageViews {
  constructor(private readonly urls: Map<string, string>) {}

  photo(image: StoredPhoto): PhotoDto {
    const variants: VariantDto[] = isReady(image)
      ? image.variants!.map((variant) => ({
          width: variant.width,
          height: variant.height,
          contentType: 'image/webp' as const,
          url: this.urls.get(variant.key)!,
        }))
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

  /** The avatar's URL, null until it is ready. */
  avatarUrl(variants: StoredVariant[] | null): string | null {
    return variants?.length ? this.urls.get(avatarOf(variants).key)! : null;
  }
}

const isReady = (image: StoredPhoto) => image.processing === 'ready' && !!image.variants?.length;

/** The variant an avatar is shown from. */
const avatarOf = (variants: StoredVariant[]) => widestUpTo(variants, AVATAR_SIDE);

/** The widest of `variants` (widest first) no wider than `width`, else the narrowest. */
function widestUpTo<T extends { width: number }>(variants: T[], width: number): T {
  return variants.find((variant) => variant.width <= width) ?? variants[variants.length - 1];
}
