/**
 * A typed, promise-returning wrapper of google.script.run: the sidebar's only way to the server.
 * Arguments and results cross as JSON-like values (no Date objects: ISO strings).
 */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

export function callServer<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (typeof google === 'undefined' || !google?.script?.run) {
      reject(new Error('google.script.run is not available: open this page from Sheets.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(e));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`Unknown server function: ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
