/**
 * Logs 500 lines through pino's own (asynchronous) destination, then ends itself by SIGTERM at
 * once, or, with `wait` in argv, after `logsWritten`: what a process's last log lines go through.
 */
import { pino } from 'pino';
import { logsWritten } from '../../src/common/logging/logs-written';

const logger = pino();
for (let i = 0; i < 500; i++) logger.info(`line ${i}`);
const written = process.argv[2] === 'wait' ? logsWritten(logger) : Promise.resolve();
void written.then(() => process.kill(process.pid, 'SIGTERM'));
