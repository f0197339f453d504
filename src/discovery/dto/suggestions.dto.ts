import { PageOf } from '../../common/pagination/page';
import { UserSummaryDto } from '../../users/dto/user.dto';

/** Up to 20 people, in one page (`nextCursor` is always null). */
export class SuggestionsDto extends PageOf(UserSummaryDto) {}
