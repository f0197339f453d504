import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageOf, PageQueryDto } from '../../common/pagination/page';
import { UserSummaryDto } from '../../users/dto/user.dto';
import {
  REPORT_REASONS,
  type ReportReason,
  type ReportStatus,
  type Resolution,
  RESOLUTIONS,
  SUBJECT_TYPES,
  type SubjectType,
} from '../entities/report.entity';

const trimmedOrNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const text = value.trim();
    return text === '' ? null : text;
  });

export class ReportSubjectDto {
  @ApiProperty({ enum: SUBJECT_TYPES })
  @IsIn(SUBJECT_TYPES, { message: `subject.type must be one of ${SUBJECT_TYPES.join(', ')}` })
  type: SubjectType;

  /** The id of the post, the comment or the user. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'subject.id must be an id' })
  id: string;
}

export class CreateReportDto {
  @ApiProperty({ type: ReportSubjectDto })
  @ValidateNested()
  @Type(() => ReportSubjectDto)
  subject: ReportSubjectDto;

  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS, { message: `reason must be one of ${REPORT_REASONS.join(', ')}` })
  reason: ReportReason;

  /** What a moderator should know; up to 1,000 characters. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @trimmedOrNull()
  @IsString()
  @MaxLength(1000)
  details?: string | null;
}

/** What the reporter sees of their report. */
export class ReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['open', 'resolved'] })
  status: ReportStatus;
  @ApiProperty({ type: ReportSubjectDto })
  subject: ReportSubjectDto;
  @ApiProperty({ enum: REPORT_REASONS })
  reason: ReportReason;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

/** What a moderator sees of the subject: the post's photo and caption, the comment's body, the user. */
export class SubjectPreviewDto {
  /** The author of the post or comment, or the reported user. */
  @ApiProperty({ type: UserSummaryDto })
  user: UserSummaryDto;
  /** The post's caption or the comment's body. */
  @ApiProperty({ type: String, nullable: true })
  text: string | null;
  /** The post's first photo: the narrowest variant that fills a 96 px square at 3× density. */
  @ApiProperty({ type: String, nullable: true, format: 'uri' })
  imageUrl: string | null;
}

export class ModerationSubjectDto extends ReportSubjectDto {
  /** Null once the subject is gone (removed, or deleted by its owner). */
  @ApiProperty({ type: SubjectPreviewDto, nullable: true })
  preview: SubjectPreviewDto | null;
}

export class ModerationReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['open', 'resolved'] })
  status: ReportStatus;
  @ApiProperty({ type: ModerationSubjectDto })
  subject: ModerationSubjectDto;
  @ApiProperty({ enum: REPORT_REASONS })
  reason: ReportReason;
  @ApiProperty({ type: String, nullable: true })
  details: string | null;
  /** How many open reports this subject has (everyone's). */
  @ApiProperty()
  reportCount: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ enum: RESOLUTIONS, nullable: true })
  action: Resolution | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;
}

export class ModerationReportPageDto extends PageOf(ModerationReportDto) {}

export class ReportQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved'], { message: 'status must be open or resolved' })
  status?: ReportStatus;
}

export class ResolveReportDto {
  @ApiProperty({ enum: RESOLUTIONS })
  @IsIn(RESOLUTIONS, { message: `action must be one of ${RESOLUTIONS.join(', ')}` })
  action: Resolution;

  /** Why, for the audit log; up to 1,000 characters. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @trimmedOrNull()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
