import { Body, Controller, Delete, HttpCode, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { AuthService } from './auth.service';
import { SignedIn } from '../common/http/signed-in.decorator';
import { DeleteAccountDto } from './dto/delete-account.dto';
import { SessionBackend } from './session/session-backend';
import { endSession } from './session/session-data';
import { Viewer } from '../common/http/viewer.decorator';

/** Account deletion sits with auth: it needs the password check and ends every session. */
@ApiTags('users')
@Controller('users/me')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionBackend,
  ) {}

  @Delete()
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Delete your account and everything in it (password required)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 503)
  async deleteAccount(
    @Req() req: Request,
    @Viewer() viewer: Viewer,
    @Body() dto: DeleteAccountDto,
  ): Promise<void> {
    await this.auth.deleteAccount(viewer, dto.password);
    await this.sessions.destroyAllOf(viewer.id);
    await endSession(req);
  }
}
