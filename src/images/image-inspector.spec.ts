import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectImageStart } from './image-inspector';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', name));

describe('inspectImageStart', () => {
  it.each([
    ['tiny.jpg', 'image/jpeg', 4, 3],
    ['tiny.png', 'image/png', 3, 2],
    ['tiny.gif', 'image/gif', 5, 4],
    ['tiny.webp', 'image/webp', 6, 5],
    ['tiny.avif', 'image/avif', 7, 6],
  ])('reads %s as %s of %dx%d', async (file, type, width, height) => {
    expect(await inspectImageStart(fixture(file))).toEqual({ detectedType: type, width, height });
  });

  it('finds no image type in HTML or SVG', async () => {
    expect(
      (await inspectImageStart(Buffer.from('<html><body>hi</body></html>'))).detectedType,
    ).toBeUndefined();
    const svg = await inspectImageStart(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    );
    expect(svg.detectedType).toBeUndefined();
  });

  it('reads the header’s claimed size, for the pixel cap to judge', async () => {
    const bomb = Buffer.from(fixture('tiny.png'));
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    expect(await inspectImageStart(bomb)).toEqual({
      detectedType: 'image/png',
      width: 100_000,
      height: 100_000,
    });
  });
});
