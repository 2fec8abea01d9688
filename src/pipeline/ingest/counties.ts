// County-level rows in tidy inputs (county yearbooks, local data a user adds): a 6-digit GB/T 2260 code
// under one of the 31 provinces, such as 110105 under 北京市. No county table is bundled, so the code
// identifies the county, and its name is taken as the row writes it (the code itself when there is none).
import { findRegion, type Region } from '../regions.ts';

export function findCounty(code: string, name: string): Region | undefined {
  if (!/^\d{6}$/.test(code) || code.endsWith('0000')) return undefined;
  const province = findRegion(code.slice(0, 2));
  if (!province?.inNbsProvincial) return undefined;
  const written = name.trim() || code;
  return { code, name: written, shortName: written, inNbsProvincial: false };
}

export function isCounty(region: Region): boolean {
  return !region.code.endsWith('0000');
}
