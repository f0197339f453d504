import { AccountsAndSessions1764000000000 } from './1764000000000-accounts-and-sessions';

/** Every migration, in order. Listed (not globbed) so the app, the CLI and the tests load the same set. */
export const MIGRATIONS = [AccountsAndSessions1764000000000];
