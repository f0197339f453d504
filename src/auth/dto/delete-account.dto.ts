import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class DeleteAccountDto {
  /** Your current password, to confirm. */
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}
