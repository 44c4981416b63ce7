#!/usr/bin/env node
// The CLI is one bundled module (dist/aspalint.mjs): loading ~60 small ES
// modules cost ~60 ms of every cold run, a third of a draft's budget.
import { main } from '../dist/aspalint.mjs';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
