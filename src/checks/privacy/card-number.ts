import type { Check } from '../types.js';
import { findCardNumbers } from './detect.js';

/** A payment card number in clear text: 13–19 digits passing the Luhn check, with an issuer's prefix. */
export const cardNumber: Check = (analysis) => findCardNumbers(analysis.text, 'report').map(({ offset, length }) => ({ offset, length }));
