import { AVATAR_SIDES, PHOTO_WIDTHS, variantSizes } from './variant-sizes';

describe('variantSizes', () => {
  it.each([
    [4000, [2048, 1080, 640, 320]],
    [2048, [2048, 1080, 640, 320]],
    [1080, [1080, 640, 320]],
    [400, [400, 320]],
    [320, [320]],
    [100, [100]],
  ])('makes a %d px wide photo into %j', (width, expected) => {
    expect(variantSizes(width, PHOTO_WIDTHS)).toEqual(expected);
  });

  it.each([
    [1000, [320, 160, 64]],
    [200, [200, 160, 64]],
    [50, [50]],
  ])('makes an avatar %d px on its short side into squares of %j', (side, expected) => {
    expect(variantSizes(side, AVATAR_SIDES)).toEqual(expected);
  });
});
