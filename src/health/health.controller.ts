import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { SessionBackend } from '../auth/session/session-backend';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { GracefulShutdown } from '../common/lifecycle/graceful-shutdown';
import { ObjectStorage } from '../images/storage/object-storage';

/** Each check gets its own deadline, so readiness answers within about two seconds. */
const CHECK_TIMEOUT_MS = 1500;

function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly sessions: SessionBackend,
    private readonly storage: ObjectStorage,
    private readonly shutdown: GracefulShutdown,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: database, session store and object storage answer (503 names the failing check)',
  })
  async ready(): Promise<HealthCheckResult> {
    if (this.shutdown.started) {
      throw new AppError(ErrorCode.Unavailable, 'Not ready: shutting down.');
    }
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
        () => this.checkSessions(),
        () => this.checkStorage(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const failing = Object.keys((error.getResponse() as HealthCheckResult).error ?? {});
      throw new AppError(
        ErrorCode.Unavailable,
        `Not ready: ${failing.join(', ')} down.`,
        failing.map((check) => ({ field: check, message: `${check} is down` })),
      );
    }
  }

  private async checkStorage() {
    const indicator = this.indicators.check('storage');
    try {
      await withDeadline(this.storage.check(), CHECK_TIMEOUT_MS);
      return indicator.up({ driver: this.storage.name });
    } catch {
      return indicator.down({ driver: this.storage.name, message: 'object storage unreachable' });
    }
  }

  private async checkSessions() {
    const indicator = this.indicators.check('sessions');
    try {
      await withDeadline(this.sessions.check(), CHECK_TIMEOUT_MS);
      return indicator.up({ store: this.sessions.name });
    } catch {
      return indicator.down({ store: this.sessions.name, message: 'session store unreachable' });
    }
  }
}
