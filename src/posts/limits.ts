export const CAPTION_MAX_LENGTH = 2200;
export const ALT_TEXT_MAX_LENGTH = 1000;
export const COMMENT_MAX_LENGTH = 2200;
export const MAX_PHOTOS_PER_POST = 20;
