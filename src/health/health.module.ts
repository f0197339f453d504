import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '../auth/auth.module';
import { ImagesModule } from '../images/images.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty' }), AuthModule, ImagesModule],
  controllers: [HealthController],
})
export class HealthModule {}
