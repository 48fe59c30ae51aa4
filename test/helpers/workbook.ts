import { createEnvironment, type Environment } from '../../emulator';
import { SAMPLE_NOW } from './sample';

export type Workbook = { name: string; rows: unknown[][] }[];

/** The sheets of an environment as plain rows, to start many environments from one load. */
export function snapshotWorkbook(env: Environment): Workbook {
  return env.spreadsheet.sheetNames().map((name) => ({ name, rows: env.spreadsheet.sheet(name).values() }));
}

/** A fresh environment holding a copy of a workbook. */
export function environmentFrom(book: Workbook, options: Parameters<typeof createEnvironment>[0] = {}): Environment {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: SAMPLE_NOW, owner: 'owner@example.com', activeUser: 'owner@example.com', ...options });
  for (const s of book) env.spreadsheet.addSheet(s.name, s.rows);
  return env;
}
