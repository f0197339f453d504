import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  /** Your email or your username. */
  @ApiProperty({ example: 'ada.l' })
  @IsString()
  @Length(1, 254)
  login: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}
