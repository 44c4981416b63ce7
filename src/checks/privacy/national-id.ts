import type { Check } from '../types.js';
import { findNationalIds } from './detect.js';

/** A national identity number in clear text (checksum-valid henkilötunnus or personnummer). */
export const nationalId: Check = (analysis) => findNationalIds(analysis.text, 'report').map(({ offset, length }) => ({ offset, length }));
