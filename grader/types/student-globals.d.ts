/**
 * The few host globals an exercise may use, for the grader's type check of student files.
 * The full Node.js typings would take seconds to load on every check; these take nothing.
 */
declare var console: {
  log(...data: unknown[]): void;
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  info(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
declare function setTimeout<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): unknown;
declare function clearTimeout(handle: unknown): void;
declare function setInterval<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): unknown;
declare function clearInterval(handle: unknown): void;
declare function queueMicrotask(callback: () => void): void;
