import { Injectable } from '@nestjs/common';
import { ImageDto } from './dto/upload.dto';
import { ImageUrls } from './image-urls';
import { ImagesRepository } from './images.repository';

/** What clients see of images in use: URL, size and type. */
@Injectable()
export class ImagePresenter {
  constructor(
    private readonly imagesRepository: ImagesRepository,
    private readonly urls: ImageUrls,
  ) {}

  /** Client views of attached images, by id, in one query. */
  async describe(imageIds: string[]): Promise<Map<string, ImageDto>> {
    const rows = await this.imagesRepository.findByIds([...new Set(imageIds)]);
    const views = await Promise.all(
      rows
        .filter((image) => image.status === 'attached')
        .map(async (image): Promise<[string, ImageDto]> => [
          image.id,
          {
            url: await this.urls.urlFor(image.storageKey),
            width: image.width ?? 0,
            height: image.height ?? 0,
            contentType: image.contentType,
          },
        ]),
    );
    return new Map(views);
  }
}
