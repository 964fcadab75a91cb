#!/usr/bin/env node
'use strict';
// Run first by `npm test`: the kit's own tests grade exercises/ as stubs, so in a kit where
// someone has started the exercises they would fail for no fault of the kit. This says so in
// one line (and how to check the kit anyway) and exits 1; otherwise it is silent.
const { locateKit } = require('../dist/kit.js');
const { loadCourse } = require('../dist/course.js');
const { workInProgressLine } = require('../dist/stubs.js');

const kit = locateKit();
workInProgressLine(kit, loadCourse(kit.manifestPath).exercises).then((line) => {
  if (line === undefined) return;
  process.stderr.write(`${line}\n`);
  process.exitCode = 1;
});
