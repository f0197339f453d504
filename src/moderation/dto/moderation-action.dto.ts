import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageOf } from '../../common/pagination/page';
import { ROLES, type Role } from '../../common/roles';
import type { ActionSubjectType, ModerationActionKind } from '../entities/moderation-action.entity';

export class ActionModeratorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  username: string;
}

export class ActionSubjectDto {
  @ApiProperty({ enum: ['post', 'comment', 'user'] })
  type: ActionSubjectType;
  @ApiProperty({ format: 'uuid' })
  id: string;
}

/** One line of the audit log: who did what, to what, when and why. */
export class ModerationActionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: ActionModeratorDto })
  moderator: ActionModeratorDto;
  @ApiProperty({ enum: ['dismiss', 'remove', 'suspend', 'unsuspend', 'role'] })
  action: ModerationActionKind;
  @ApiProperty({ type: ActionSubjectDto })
  subject: ActionSubjectDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reportId: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class ModerationActionPageDto extends PageOf(ModerationActionDto) {}

export class SetRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class UnsuspendDto {
  /** Why, for the audit log. */
  @ApiPropertyOptional({ type: String, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
