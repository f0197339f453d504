import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { SocialPreviewService } from './social-preview.service';

/** The page's own address as the visitor reached it (`trust proxy` decides the protocol). */
const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

/**
 * The web client's pages that can be shared, served with their social preview (HTML, not
 * part of the REST API). Every other page is index.html as built (serve-static).
 */
@ApiExcludeController()
@Controller()
export class SocialPreviewController {
  constructor(private readonly previews: SocialPreviewService) {}

  @Get('p/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  post(@Param('id') id: string, @Req() req: Request): Promise<string> {
    return this.previews.postPage(id, originOf(req));
  }

  @Get('u/:username')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  profile(@Param('username') username: string, @Req() req: Request): Promise<string> {
    return this.previews.profilePage(username, originOf(req));
  }
}
