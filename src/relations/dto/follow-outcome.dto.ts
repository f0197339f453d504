import { ApiProperty } from '@nestjs/swagger';

/** `PUT /api/users/{username}/follow` on a private account: a request it must accept. */
export class FollowRequestedDto {
  @ApiProperty({ enum: ['requested'] })
  status: 'requested';
}
