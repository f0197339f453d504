import { loadConfiguration } from './configuration';
import { storageOrigins } from './web';

describe('storageOrigins', () => {
  const storage = (env: Record<string, string>) => loadConfiguration(env).storage;

  it('adds nothing for the embedded storage on the same origin', () => {
    expect(storageOrigins(storage({}))).toEqual([]);
  });

  it('allows the bucket on AWS, both addressing styles', () => {
    expect(
      storageOrigins(
        storage({ STORAGE: 's3', S3_BUCKET: 'freeb-images', AWS_REGION: 'eu-west-1' }),
      ),
    ).toEqual([
      'https://freeb-images.s3.eu-west-1.amazonaws.com',
      'https://s3.eu-west-1.amazonaws.com',
    ]);
  });

  it('prefers the endpoint browsers use, and adds a CDN', () => {
    const origins = storageOrigins(
      storage({
        STORAGE: 's3',
        S3_BUCKET: 'freeb',
        S3_ENDPOINT: 'http://minio:9000',
        S3_PUBLIC_ENDPOINT: 'http://localhost:9000',
        PUBLIC_IMAGE_BASE_URL: 'https://cdn.example.com/images',
      }),
    );
    expect(origins).toEqual(['https://cdn.example.com', 'http://localhost:9000']);
  });
});
