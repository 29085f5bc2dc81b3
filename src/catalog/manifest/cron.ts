import { CronExpressionParser } from 'cron-parser';

const PRESETS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Five-field cron (as Airflow and Dagster schedules use) or an @-preset; undefined when valid. */
export function cronProblem(expression: string): string | undefined {
  const text = expression.trim();
  if (PRESETS.has(text)) return undefined;
  if (text.split(/\s+/).length !== 5) return 'must be a five-field cron expression (minute hour day month weekday) or an @-preset such as @daily';
  try {
    CronExpressionParser.parse(text);
    return undefined;
  } catch (error) {
    return `is not a valid cron expression: ${(error as Error).message}`;
  }
}
