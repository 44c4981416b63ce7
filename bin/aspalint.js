#!/usr/bin/env node
// A piped draft is read first and its speller starts loading in a background
// thread (src/cli/early.ts); meanwhile the CLI, one CommonJS bundle, loads
// through V8's code cache (src/cli/code-cache.ts), which skips most of its
// compiling. This file is CommonJS (bin/package.json) and requires only
// CommonJS: an ES-module entry makes Node set up its ES-module loader first,
// ~6 ms of a ~200 ms cold run.
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const { loadWithCodeCache } = require(join(dist, 'code-cache.cjs'));

// A reader that stops early (aspalint … | head) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`aspalint: cannot write the output: ${err.message}\n`);
  process.exit(2);
});

const argv = process.argv.slice(2);
const stdin = require(join(dist, 'early.cjs')).startEarly(argv);
const cli = loadWithCodeCache(join(dist, 'aspalint.cjs'), { writeCache: process.env.ASPALINT_WRITE_CODE_CACHE === '1' }).exports;

cli.main(argv, stdin && { stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then((code) => {
  process.exitCode = code;
});
