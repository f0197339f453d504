import { Body, Controller, Get, HttpCode, Post, Put, Req, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { RateLimited } from '../common/throttling/rate-limited.decorator';
import { PrivateUserDto } from '../users/dto/user.dto';
import type { User } from '../users/entities/user.entity';
import { ProfilesService } from '../users/profiles.service';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { SignedIn } from '../common/http/signed-in.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { SignupDto } from './dto/signup.dto';
import { LoginGuard } from './login.guard';
import { endSession, startSession } from './session/session-data';
import { Viewer } from '../common/http/viewer.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly profiles: ProfilesService,
  ) {}

  @Post('signup')
  @RateLimited('signup')
  @ApiOperation({ summary: 'Create an account and start a session' })
  @ApiCreatedResponse({ type: PrivateUserDto, description: 'Signed up; the session cookie is set' })
  @ApiProblems(400, 403, 409, 429, 503)
  async signup(@Req() req: Request, @Body() dto: SignupDto): Promise<PrivateUserDto> {
    const user = await this.auth.signup(dto);
    try {
      await startSession(req, user);
    } catch (error) {
      // No session store, no account: a 503 must leave nothing behind.
      await this.users.deleteAccount(user.id);
      throw error;
    }
    return this.profiles.ownAccount(user);
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginGuard)
  @ApiOperation({ summary: 'Sign in with email or username; the session id is renewed' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: PrivateUserDto, description: 'Signed in; a new session cookie is set' })
  @ApiProblems(400, 401, 403, 429, 503)
  login(@Req() req: Request): Promise<PrivateUserDto> {
    // The account the login guard has just read and checked the password of.
    return this.profiles.accountOf(req.user as User);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Sign out; the session is removed from the store' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 503)
  logout(@Req() req: Request): Promise<void> {
    return endSession(req);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in account, with email' })
  @ApiOkResponse({ type: PrivateUserDto })
  @ApiProblems(401, 503)
  me(@Viewer() viewer: Viewer): Promise<PrivateUserDto> {
    return this.profiles.ownAccount(viewer);
  }

  @Put('password')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Change your password; your other sessions stop working' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 503)
  async changePassword(
    @Req() req: Request,
    @Viewer() viewer: Viewer,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    const user = await this.auth.changePassword(viewer, dto);
    await startSession(req, user);
  }
}
