import type { Check } from '../types.js';
import { findPasswords } from './detect.js';

/** A password or PIN in clear text. */
export const password: Check = (analysis) => findPasswords(analysis.text, analysis.lower).map(({ offset, length }) => ({ offset, length }));
