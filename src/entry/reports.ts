/** Menu actions: the Aging Report, Credit Scores and Problems sheets. */
import { runAgingReport, runCreditScores, runProblems, type ReportResult } from '../sheets/reports/run';

/** Rewrites the Aging Report sheet (账龄报告) as of today. */
export function showAgingReport(): ReportResult {
  return runAgingReport();
}

/** Rewrites the Credit Scores sheet (信用评分) as of today. */
export function showCreditScores(): ReportResult {
  return runCreditScores();
}

/** Rewrites the Problems sheet (数据问题): every problem of the file with a link to its cell. */
export function showProblems(): ReportResult {
  return runProblems();
}
