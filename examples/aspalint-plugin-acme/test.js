// The plugin's rule examples, run as tests with aspalint's own rule tester:
//   npm test   (node --test)
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testRules } from 'aspalint';

testRules(fileURLToPath(new URL('.', import.meta.url)), { describe, it });
