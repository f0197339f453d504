import { ALT_TEXT_MAX_LENGTH, CAPTION_MAX_LENGTH } from '../limits';
import { OptionalText } from './post-fields';

/** Fields left out stay as they are; an empty string clears one. */
export class UpdatePostDto {
  @OptionalText(CAPTION_MAX_LENGTH, 'Up to 2,200 characters')
  caption?: string | null;

  @OptionalText(ALT_TEXT_MAX_LENGTH, 'Up to 1,000 characters')
  altText?: string | null;
}
