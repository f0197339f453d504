import { AccountsAndSessions1764000000000 } from './1764000000000-accounts-and-sessions';
import { ImagesAndPosts1764100000000 } from './1764100000000-images-and-posts';
import { Social1764200000000 } from './1764200000000-social';
import { Jobs1764300000000 } from './1764300000000-jobs';
import { StorageDeletionsToJobs1764300000001 } from './1764300000001-storage-deletions-to-jobs';
import { Media1764400000000 } from './1764400000000-media';
import { Timeline1764600000000 } from './1764600000000-timeline';
import { Discovery1764700000000 } from './1764700000000-discovery';
import { Safety1764800000000 } from './1764800000000-safety';
import { LikesByPost1764810000000 } from './1764810000000-likes-by-post';
import { SearchCoveringIndexes1764811000000 } from './1764811000000-search-covering-indexes';
import { SearchRankingIndexes1764820000000 } from './1764820000000-search-ranking-indexes';

/** Every migration, in order. Listed (not globbed) so the app, the CLI and the tests load the same set. */
export const MIGRATIONS = [
  AccountsAndSessions1764000000000,
  ImagesAndPosts1764100000000,
  Social1764200000000,
  Jobs1764300000000,
  StorageDeletionsToJobs1764300000001,
  Media1764400000000,
  Timeline1764600000000,
  Discovery1764700000000,
  Safety1764800000000,
  LikesByPost1764810000000,
  SearchCoveringIndexes1764811000000,
  SearchRankingIndexes1764820000000,
];
