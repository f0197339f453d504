import { Worker } from 'node:worker_threads';
import type { RawPixels } from './raw-pixels';
import { UnprocessableImageError } from './unprocessable-image.error';

/*
 * sharp's prebuilt libvips cannot decode HEVC, so HEIC/HEIF goes through libheif compiled to
 * WASM (heic-decode). It decodes synchronously, so it runs on a thread of its own: the event
 * loop keeps serving requests while an iPhone photo decodes. libheif applies the file's own
 * rotation (irot/imir) while decoding, so the pixels come out upright.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.decoder);
(async () => {
  const images = await decode.all({ buffer: workerData.input });
  try {
    const { width, height } = images[0];
    if (width * height > workerData.maxPixels) {
      parentPort.postMessage({ tooLarge: true });
      return;
    }
    const image = await images[0].decode();
    parentPort.postMessage({ width, height, data: image.data }, [image.data.buffer]);
  } finally {
    images.dispose();
  }
})().catch((error) => parentPort.postMessage({ error: String(error && error.message) }));
`;

interface WorkerAnswer {
  tooLarge?: boolean;
  error?: string;
  width?: number;
  height?: number;
  data?: Uint8ClampedArray;
}

/** Decodes the primary image of a HEIC/HEIF file to upright RGBA pixels. */
export async function decodeHeic(input: Buffer, maxPixels: number): Promise<RawPixels> {
  const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { decoder: require.resolve('heic-decode'), input, maxPixels },
    });
    worker.once('message', (message: WorkerAnswer) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The HEIC decoder stopped (${code}).`)));
  });
  if (answer.tooLarge)
    throw new UnprocessableImageError(`The image has more than ${maxPixels} pixels.`);
  if (answer.error || !answer.data || !answer.width || !answer.height) {
    throw new UnprocessableImageError('The HEIC image is damaged or could not be decoded.');
  }
  const { data, width, height } = answer;
  return {
    data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    info: { width, height, channels: 4 },
  };
}
