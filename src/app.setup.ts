import { RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger, PinoLogger } from 'nestjs-pino';
import { SessionBackend } from './auth/session/session-backend';
import { SESSION_COOKIE, sessionMiddlewares } from './auth/session/session-middleware';
import { AppSecret } from './config/app-secret';
import { ProblemDetails } from './common/errors/problem';
import { refuseDeepBodies } from './common/http/body-depth';
import { securityHeaders } from './common/http/api-headers';
import type { FreebConfig } from './config/configuration';
import { refuseSourceMaps, storageOrigins } from './config/web';
import { QuietBootLogger } from './common/logging/quiet-boot.logger';
import { isQuietLevel, quietRequestLog } from './common/logging/quiet-request-log';

export const API_PREFIX = 'api';

/**
 * Everything main.ts does to the app before it listens, shared with the e2e tests so they
 * exercise the same request chain: logger, compression, helmet, trust proxy, CORS for trusted origins,
 * session, passport, prefix, OpenAPI docs. (main.ts adds the graceful shutdown.)
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<ConfigService<FreebConfig, true>>(ConfigService);
  const appConfig = config.get('app', { infer: true });
  const sessionConfig = config.get('session', { infer: true });

  app.useLogger(new QuietBootLogger(app.get(Logger)));
  // At a quiet level, the request log is one plain middleware ahead of everything, so it times
  // the whole request; at `info` and below, pino-http runs as LoggingModule sets it up.
  if (isQuietLevel(appConfig.logLevel)) app.use(quietRequestLog(() => PinoLogger.root));
  // gzip or brotli, as the client accepts, for JSON and the web client's text assets. A client
  // that accepts no encoding (a script, a health check, a load test) skips the layer: its
  // negotiation and wrapping of the response cost more than a small answer's whole routing.
  const compress = compression();
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.headers['accept-encoding'] ? compress(req, res, next) : next(),
  );
  if (appConfig.production) app.use(refuseSourceMaps);
  const elsewhere = storageOrigins(config.get('storage', { infer: true }));
  // helmet's full set for the web client's pages (and /health, /docs); API answers, which
  // are never rendered as documents, the five headers that matter for any resource.
  app.disable('x-powered-by');
  app.use(
    securityHeaders(
      API_PREFIX,
      helmet({
        contentSecurityPolicy: {
          directives: {
            'img-src': ["'self'", 'data:', 'blob:', ...elsewhere],
            'connect-src': ["'self'", ...elsewhere],
          },
        },
      }),
    ),
  );
  app.set('trust proxy', appConfig.trustProxy);
  app.set('query parser', 'simple');
  // No ETag on API answers: a page of posts changes with every like and its image URLs each
  // hour, so a hash of each body (SHA-1 over tens of kB) would buy clients almost no 304s.
  // The web client's files keep theirs (serve-static sets its own).
  app.set('etag', false);
  if (appConfig.trustedOrigins.length > 0) {
    app.enableCors({ origin: appConfig.trustedOrigins, credentials: true });
  }
  app.use(
    ...sessionMiddlewares({
      path: `/${API_PREFIX}`,
      store: app.get(SessionBackend).store,
      secret: app.get(AppSecret).key,
      maxAgeMs: sessionConfig.maxAgeMs,
      secureCookies: appConfig.production,
    }),
  );
  // Parsed here rather than by Nest at init, so deep bodies are refused before anything reads
  // them; after the session links, whose error handler is for the session store alone.
  app.useBodyParser('json');
  app.use(refuseDeepBodies);
  setApiPrefix(app);
  setUpOpenApi(app);
  return app;
}

/**
 * Everything under /api, except the health checks (for load balancers and orchestrators) and
 * the web client's shareable pages (src/web: index.html with a social preview).
 */
export function setApiPrefix(app: NestExpressApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'p/:id', method: RequestMethod.GET },
      { path: 'u/:username', method: RequestMethod.GET },
    ],
  });
}

function setUpOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/** The OpenAPI document of the API (served at /docs-json; written to a file by src/openapi.ts). */
export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Freeb API')
      .setDescription(
        'The REST API of Freeb, a self-hostable image-sharing network. Sessions are cookies set by ' +
          '`POST /api/auth/signup` and `POST /api/auth/login`. Every error is RFC 9457 problem details ' +
          '(`application/problem+json`). Lists are pages `{items, nextCursor}` with `?limit=` and `?cursor=`.',
      )
      .setVersion('1.0')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
    { extraModels: [ProblemDetails] },
  );
}
