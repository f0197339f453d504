import { previewThumbnail } from './preview-thumbnail';

const variant = (width: number, height: number) => ({ width, height, url: `v${width}` });

describe('previewThumbnail', () => {
  it('takes the narrowest variant whose shorter side covers 288 px', () => {
    // A landscape 4:3 photo: 320×240 is too short, 640×480 covers the square.
    const landscape = [
      variant(2048, 1536),
      variant(1080, 810),
      variant(640, 480),
      variant(320, 240),
    ];
    expect(previewThumbnail({ url: 'v1080', variants: landscape })).toBe('v640');
    // A portrait 3:4 photo: 320×427 already covers it.
    const portrait = [variant(320, 427), variant(1080, 1440), variant(640, 853)];
    expect(previewThumbnail({ url: 'v1080', variants: portrait })).toBe('v320');
  });

  it('falls back to the photo URL when every variant is smaller, and to null without one', () => {
    expect(previewThumbnail({ url: 'v200', variants: [variant(200, 150)] })).toBe('v200');
    expect(previewThumbnail({ url: '', variants: [] })).toBeNull();
  });
});
