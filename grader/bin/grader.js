#!/usr/bin/env node
'use strict';
// The grader's command. Its code is compiled from grader/src by `npm install` (prepare).
let main;
try {
  ({ main } = require('../dist/index.js'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('error: the grader is not built yet. Run "npm install" (or "npm run build") in the kit\'s folder.\n');
    process.exit(3);
  }
  throw error;
}
// A reader that stops early (`… | head`) closes the pipe: what is left of the output has no
// one to read it, but the command still finishes its work (a report file it writes, say).
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.stdout.write = () => true;
  else throw error;
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
