import { join } from 'node:path';
import { createEnvironment, type Environment } from '../../emulator';
import { ROOT } from './bundle';

export const SAMPLE = join(ROOT, 'examples/sample-credit-file.xlsx');
export const ENGLISH = join(ROOT, 'test/fixtures/english.xlsx');
export const CHINESE = join(ROOT, 'test/fixtures/chinese-messy.xlsx');

/** 2026-11-20 09:00 in Shanghai: the as-of day of the sample and the fixtures. */
export const SAMPLE_NOW = new Date('2026-11-20T09:00:00+08:00');

/** An environment holding a workbook, its clock at the sample's as-of morning. */
export async function environmentWith(path: string, options: Parameters<typeof createEnvironment>[0] = {}): Promise<Environment> {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: SAMPLE_NOW, owner: 'owner@example.com', activeUser: 'owner@example.com', ...options });
  await env.loadXlsx(path);
  return env;
}
