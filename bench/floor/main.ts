/** The floor as a process of its own (bench/floor/run.ts starts it): FLOOR_PORT, DATABASE_URL, SESSION_SECRET. */
import { startFloor } from './server';

const { DATABASE_URL, SESSION_SECRET, FLOOR_PORT } = process.env;
if (!DATABASE_URL || !SESSION_SECRET) {
  console.error('The floor needs DATABASE_URL and SESSION_SECRET.');
  process.exit(1);
}
startFloor(
  { databaseUrl: DATABASE_URL, secret: SESSION_SECRET, connectionLimit: 10 },
  Number(FLOOR_PORT ?? 3100),
)
  .then((server) =>
    process.stdout.write(`floor listening on ${JSON.stringify(server.address())}\n`),
  )
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
