/**
 * The specs' recorder (grader/specs/support/conversation.ts): what a transcript says step by
 * step, where a failure message is cut, that hostile values are described without running any
 * of their code, and that the message still fits the report's cap with the transcript in it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanMessage, MESSAGE_LIMIT } from '../src/report/clean';
import { Conversation, converse, MESSAGE_BUDGET, TRANSCRIPT_LIMIT } from '../specs/support/conversation';
import { KIT_ROOT, runGrader } from './helpers';

function* counter(log: string[] = []): Generator<number, string, number | undefined> {
  let total = 0;
  try {
    while (true) {
      const sent = yield total;
      log.push(`got ${String(sent)}`);
      if (sent === undefined) return 'stopped';
      total += sent;
    }
  } finally {
    log.push('finally');
  }
}

/** Like counter, but wrong from the fourth number on: it adds one too many. */
function* drifting(): Generator<number, string, number | undefined> {
  let total = 0;
  let sends = 0;
  while (true) {
    const sent = yield total;
    if (sent === undefined) return 'stopped';
    sends += 1;
    total += sent + (sends >= 4 ? 1 : 0);
  }
}

/** The error `converse` throws when `body` throws; fails the test when nothing is thrown. */
function failureOf(body: (talk: Conversation) => void): Error {
  try {
    converse(body);
  } catch (error) {
    return error as Error;
  }
  throw new Error('converse did not throw');
}

function stepsOf(talk: Conversation): string[] {
  return talk.lines(talk.entries).map((line) => line.replace(/\s+/g, ' ').trim());
}

describe('the transcript', () => {
  test('each call, what came back and the state after it, from GEN_CREATED to GEN_CLOSED', () => {
    const talk = new Conversation();
    const gen = talk.record(counter(), 'counter()');
    gen.next();
    gen.next(5);
    gen.next();
    gen.next(1);
    expect(stepsOf(talk)).toEqual([
      '1. counter() created GEN_CREATED',
      '2. next() → yielded 0 GEN_SUSPENDED',
      '3. next(5) → yielded 5 GEN_SUSPENDED',
      '4. next() → returned "stopped" GEN_CLOSED',
      '5. next(1) → returned undefined GEN_CLOSED',
    ]);
  });

  test('throw() and return() are steps too; a thrown error closes the generator', () => {
    const talk = new Conversation();
    const log: string[] = [];
    const gen = talk.record(counter(log), 'counter()', { log });
    gen.next();
    expect(() => gen.throw(new RangeError('bad input'))).toThrow('bad input');
    const other = talk.record(counter(), 'other');
    other.next();
    other.return('early');
    expect(stepsOf(talk)).toEqual([
      '1. counter() created GEN_CREATED',
      '2. counter().next() → yielded 0 GEN_SUSPENDED',
      '3. counter().throw(RangeError("bad input")) → threw RangeError: bad input GEN_CLOSED logged "finally"',
      '4. other created GEN_CREATED',
      '5. other.next() → yielded 0 GEN_SUSPENDED',
      '6. other.return("early") → returned "early" GEN_CLOSED',
    ]);
  });

  test('recording keeps the very object: toBe, instanceof and for…of still see the generator', () => {
    const talk = new Conversation();
    const gen = counter();
    const recorded = talk.record(gen, 'counter()');
    expect(recorded).toBe(gen);
    expect(Object.prototype.toString.call(recorded)).toBe('[object Generator]');
    for (const value of recorded) if (value === 0) break;
    expect(stepsOf(talk).slice(1)).toEqual(['2. next() → yielded 0 GEN_SUSPENDED', '3. return() → returned undefined GEN_CLOSED']);
  });

  test('calls a generator passes on through yield* are nested under the call that caused them', () => {
    const talk = new Conversation();
    const inner = talk.record(counter(), 'inner');
    function* outer(): Generator<number, string, number | undefined> {
      return yield* inner;
    }
    const gen = talk.record(outer(), 'outer');
    gen.next();
    gen.next(2);
    expect(talk.lines(talk.entries).slice(2)).toEqual([
      expect.stringMatching(/^3\. outer\.next\(\) +→ yielded 0/),
      expect.stringMatching(/^4\. {3}inner\.next\(undefined\) +→ yielded 0/),
      expect.stringMatching(/^5\. outer\.next\(2\) +→ yielded 2/),
      expect.stringMatching(/^6\. {3}inner\.next\(2\) +→ yielded 2/),
    ]);
  });

  test('a call made from inside the running body leaves it GEN_RUNNING', () => {
    const talk = new Conversation();
    let self: Generator<number, void, unknown> | undefined;
    function* reentrant(): Generator<number, void, unknown> {
      try {
        self!.next();
      } catch {
        // "already running": the body carries on.
      }
      yield 1;
    }
    self = talk.record(reentrant(), 'g');
    self.next();
    expect(stepsOf(talk).slice(1)).toEqual([
      '2. next() → yielded 1 GEN_SUSPENDED',
      expect.stringMatching(/^3\. next\(\) → threw TypeError: Generator is already running GEN_RUNNING$/),
    ]);
  });

  test('a value is described when it passes, not when the transcript is told', () => {
    const talk = new Conversation();
    const shared = { n: 1 };
    function* yieldsShared(): Generator<{ n: number }, void, unknown> {
      yield shared;
    }
    talk.record(yieldsShared(), 'g').next();
    shared.n = 2;
    expect(stepsOf(talk)[1]).toBe('2. next() → yielded { n: 1 } GEN_SUSPENDED');
  });
});

describe('async generators', () => {
  async function* ticker(log: string[] = []): AsyncGenerator<number, string, number | undefined> {
    let total = 0;
    try {
      while (true) {
        const sent = yield total;
        if (sent === undefined) return 'stopped';
        if (sent < 0) throw new RangeError('negative');
        total += sent;
      }
    } finally {
      log.push('finally');
    }
  }

  test('each step is told by what its promise settled to, rejections included', async () => {
    const talk = new Conversation();
    const log: string[] = [];
    const gen = talk.record(ticker(log), 'ticker()', { log });
    expect(await gen.next()).toEqual({ value: 0, done: false });
    await gen.next(5);
    await expect(gen.next(-1)).rejects.toThrow('negative');
    const other = talk.record(ticker(), 'other');
    await other.next();
    await other.next();
    expect(stepsOf(talk)).toEqual([
      '1. ticker() created GEN_CREATED',
      '2. ticker().next() → yielded 0 GEN_SUSPENDED',
      '3. ticker().next(5) → yielded 5 GEN_SUSPENDED',
      '4. ticker().next(-1) → threw RangeError: negative GEN_CLOSED logged "finally"',
      '5. other created GEN_CREATED',
      '6. other.next() → yielded 0 GEN_SUSPENDED',
      '7. other.next() → returned "stopped" GEN_CLOSED',
    ]);
  });

  test('with a model, the cut falls on the first step whose settled answer differs', async () => {
    function* model(): Generator<number, string, number | undefined> {
      let total = 0;
      while (true) {
        const sent = yield total;
        if (sent === undefined) return 'stopped';
        total += sent;
      }
    }
    async function* drifting(): AsyncGenerator<number, string, number | undefined> {
      let total = 0;
      while (true) {
        const sent = yield total;
        if (sent === undefined) return 'stopped';
        total += sent * 2;
      }
    }
    const failure = await converse(async (talk) => {
      const gen = talk.record(drifting(), 'drifting()', { model: model() });
      await gen.next();
      await gen.next(1);
      expect((await gen.next(2)).value).toBe(3);
    }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/3\. next\(1\)\s+→ yielded 2\s+GEN_SUSPENDED\n\s+✗ expected: yielded 1\n/);
  });

  test('a promise that never settles leaves its step still running', () => {
    const talk = new Conversation();
    const stuck = { next: () => new Promise<IteratorResult<number>>(() => undefined) };
    talk.record(stuck, 'stuck', { state: 'GEN_SUSPENDED' });
    void stuck.next();
    expect(stepsOf(talk)).toEqual(['1. next() → (still running)']);
  });

  test('a promise of its own making is not waited on: its then is never called', async () => {
    const counts = { calls: 0 };
    const promise = Promise.resolve({ value: 1, done: false });
    Object.defineProperty(promise, 'then', {
      get() {
        counts.calls += 1;
        throw new Error('a getter ran');
      },
    });
    const fake = { next: () => promise };
    const talk = new Conversation();
    talk.record(fake, 'fake', { state: 'GEN_SUSPENDED' });
    fake.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts.calls).toBe(0);
    expect(stepsOf(talk)).toEqual(['1. next() → answered [a Promise] (not a { value, done } result) GEN_SUSPENDED']);
  });
});

describe('the cut around the first difference', () => {
  test('with a model, the failure message is cut around the first answer that differs, and says what was expected', () => {
    const error = failureOf((talk) => {
      const gen = talk.record(drifting(), 'drifting()', { model: counter() });
      gen.next();
      for (let n = 1; n <= 40; n++) gen.next(n);
      throw new Error('expect(received).toBe(expected)\n\nExpected: 820\nReceived: 857');
    });
    const text = error.message;
    expect(text).toMatch(/^expect\(received\)\.toBe\(expected\)\n\nExpected: 820\nReceived: 857\n\nConversation with drifting\(\) \(steps \d+–\d+ of 42\):/);
    expect(text).toMatch(/ 6\. next\(4\) +→ yielded 11 +GEN_SUSPENDED\n +✗ expected: yielded 10\n/);
    // Steps far from the first difference are counted, not shown.
    expect(text).not.toContain('next(30)');
    expect(text).toMatch(/… \d+ later steps$/);
  });

  test('a difference in what a step logs counts too, and the model\'s log is what was expected', () => {
    function* loud(log: string[]): Generator<number, void, number> {
      let sent = yield 0;
      for (;;) {
        log.push(`got ${sent}`);
        if (sent === 2) log.push('and once more');
        sent = yield sent;
      }
    }
    const error = failureOf((talk) => {
      const log: string[] = [];
      const modelLog: string[] = [];
      const gen = talk.record(loud(log), 'loud(log)', { log, model: counter(modelLog), modelLog });
      gen.next();
      gen.next(1);
      gen.next(2);
      throw new Error('the log was wrong');
    });
    expect(error.message).toMatch(/4\. next\(2\) +→ yielded 2 +GEN_SUSPENDED +logged "got 2", "and once more"\n +✗ expected: yielded 3; logged "got 2"$/);
  });

  test('without a model, the cut ends at the last step before the failing check', () => {
    const error = failureOf((talk) => {
      const gen = talk.record(counter(), 'counter()');
      for (let n = 0; n < 20; n++) gen.next(n);
      throw new Error('wrong');
    });
    expect(error.message).toMatch(/21\. next\(19\) +→ yielded 190 +GEN_SUSPENDED\n +✗ the failing check came after this step$/);
    expect(error.message).toContain('… ');
    expect(error.message).not.toContain(' 2. next(0)');
  });

  test('after thousands of steps, the cut still ends at the very last one', () => {
    const error = failureOf((talk) => {
      const gen = talk.record(counter(), 'counter()');
      for (let n = 0; n < 6000; n++) gen.next(1);
      throw new Error('too many');
    });
    expect(error.message).toMatch(/Conversation with counter\(\) \(steps 5995–6001 of 6001\):\n  … 5994 earlier steps\n[\s\S]*6001\. next\(1\) +→ yielded 5999 +GEN_SUSPENDED\n +✗ the failing check came after this step$/);
  });

  test('a failure before any step, and the grader\'s own errors, pass through untouched', () => {
    const early = new Error('before anything');
    expect(failureOf(() => {
      throw early;
    })).toBe(early);
    const loadError = Object.assign(new Error('summer.ts does not export summer.'), { name: 'TargetLoadError' });
    expect(
      failureOf((talk) => {
        talk.record(counter(), 'counter()').next();
        throw loadError;
      }),
    ).toBe(loadError);
  });

  test('the body\'s result is passed on, and a rejected promise is explained too', async () => {
    expect(converse(() => 42)).toBe(42);
    const rejected = converse(async (talk) => {
      talk.record(counter(), 'counter()').next();
      throw new Error('later');
    });
    await expect(rejected).rejects.toThrow(/^later\n\nConversation with counter\(\)/);
  });

  test('the stack keeps the original frames after the transcript, and the first line names the error', () => {
    const error = failureOf((talk) => {
      talk.record(counter(), 'counter()').next();
      throw new TypeError('boom');
    });
    expect(error.name).toBe('TypeError');
    expect(error.stack).toMatch(/^TypeError: boom\n\nConversation with counter\(\)[\s\S]*\n +at /);
  });
});

describe('hostile values', () => {
  /** A getter that counts its calls: none may happen. */
  function trap(counts: { calls: number }) {
    return {
      get() {
        counts.calls += 1;
        throw new Error('a getter ran');
      },
    };
  }

  test('thrown values are described without running their getters or touching a Proxy', () => {
    const counts = { calls: 0 };
    const loopingMessage = Object.defineProperty(new Error('x'), 'message', trap(counts));
    const proxy = new Proxy(
      {},
      {
        get: () => {
          counts.calls += 1;
          throw new Error('a trap ran');
        },
        getPrototypeOf: () => {
          counts.calls += 1;
          throw new Error('a trap ran');
        },
      },
    );
    const cyclic: Record<string, unknown> = { kind: 'cyclic' };
    cyclic.self = cyclic;
    const thrown: unknown[] = [loopingMessage, proxy, 'x'.repeat(50_000), Symbol('odd'), cyclic, 0];
    const talk = new Conversation();
    for (const value of thrown) {
      const gen = talk.record(
        (function* (): Generator<number, void, unknown> {
          yield 0;
          throw value;
        })(),
        'g',
      );
      gen.next();
      // Not Jest's toThrow: it would read the thrown value's message itself.
      let threw = false;
      try {
        gen.next();
      } catch {
        threw = true;
      }
      expect(threw).toBe(true);
    }
    const lines = talk.lines(talk.entries).filter((line) => line.includes('threw'));
    expect(counts.calls).toBe(0);
    expect(lines).toEqual([
      expect.stringContaining('threw Error: an Error whose message is not plain data'),
      expect.stringContaining('threw [a Proxy]'),
      expect.stringMatching(/threw "x{39}…"/),
      expect.stringContaining('threw Symbol(odd)'),
      expect.stringContaining('threw { kind: "cyclic", self: { kind: "cyclic", self: {…} } }'),
      expect.stringContaining('threw 0'),
    ]);
    for (const line of lines) expect(line.length).toBeLessThan(200);
  });

  test('yielded values and results are described from their descriptors only', () => {
    const counts = { calls: 0 };
    const withGetter = Object.defineProperty({ plain: 1 }, 'secret', { ...trap(counts), enumerable: true });
    const fakeResult = Object.defineProperty({ value: 1 }, 'done', trap(counts));
    const fake = {
      step: 0,
      next() {
        this.step += 1;
        return this.step === 1 ? { value: withGetter, done: false } : fakeResult;
      },
    };
    const talk = new Conversation();
    talk.record(fake, 'fake', { state: 'GEN_SUSPENDED' });
    fake.next();
    fake.next();
    expect(counts.calls).toBe(0);
    expect(stepsOf(talk)).toEqual([
      '1. next() → yielded { plain: 1, secret: (a getter) } GEN_SUSPENDED',
      '2. next() → answered a result whose done is a getter GEN_SUSPENDED',
    ]);
  });

  test('what cannot take the recording comes back untouched: a Proxy, a frozen object, a value with no next', () => {
    const talk = new Conversation();
    const proxy = new Proxy(counter(), {});
    const frozen = Object.freeze({ next: () => ({ value: 1, done: false }) });
    expect(talk.record(proxy, 'p')).toBe(proxy);
    expect(talk.record(frozen, 'f')).toBe(frozen);
    expect(talk.record(42, 'n')).toBe(42);
    expect(talk.record({ notAGenerator: true }, 'o')).toEqual({ notAGenerator: true });
    frozen.next();
    expect(talk.length).toBe(0);
  });
});

describe('the cap', () => {
  const context = { targetDir: '/kit/exercises', targetLabel: 'exercises', rootDir: '/kit' };

  test('a long assertion message is cut so that the transcript still fits within the report\'s cap', () => {
    const huge = `expect(received).toEqual(expected)\n\n${Array.from({ length: 200 }, (_, i) => `-   "line ${i}",`).join('\n')}`;
    const error = failureOf((talk) => {
      const gen = talk.record(drifting(), 'drifting()', { model: counter() });
      gen.next();
      for (let n = 1; n <= 10; n++) gen.next(n);
      throw new Error(huge);
    });
    expect(error.message.length).toBeLessThanOrEqual(MESSAGE_BUDGET);
    const shown = cleanMessage(error.stack!, context);
    expect(shown.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(shown).toContain('… (cut to leave room for the conversation)');
    expect(shown).toContain('✗ expected: yielded 10');
    expect(shown).not.toContain('(message cut)');
  });

  test('a long transcript gives up the steps farthest from the difference first', () => {
    const talk = new Conversation();
    const long = 'y'.repeat(35);
    const gen = talk.record(drifting(), long, { model: counter() });
    gen.next();
    for (let n = 1; n <= 12; n++) gen.next(n);
    const text = talk.transcript(300);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).toContain('✗ expected: yielded 10');
    expect(text).toContain('next(4)');
    expect(talk.transcript().length).toBeLessThanOrEqual(TRANSCRIPT_LIMIT);
  });
});

describe('in a grading run', () => {
  test('a student sees the conversation under the assertion; built-ins keep their names in the locked realm', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'conversation-'));
    const solution = fs.readFileSync(path.join(KIT_ROOT, 'solutions', '05-summer', 'summer.ts'), 'utf8');
    fs.mkdirSync(path.join(target, '05-summer'));
    fs.writeFileSync(path.join(target, '05-summer', 'summer.ts'), solution.replace('throw new TypeError(', 'throw new RangeError('));
    const run = await runGrader(['grade', '--target', target, '--exercise', '05', '--no-typecheck', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { exercises: Array<{ tests: Array<{ name: string; message?: string }> }> };
    const failed = report.exercises[0]!.tests.find((t) => t.name === 'summer: values that are not numbers > a bare next() after priming throws TypeError');
    expect(failed?.message).toMatch(
      /^Error: expect\(received\)\.toBeInstanceOf\(expected\)\n[\s\S]*\n\nConversation with summer\(\) \(steps 1–3 of 3\):\n.*\n.*\n +3\. next\(\) +→ threw RangeError: summer can only add numbers, but received undefined\. GEN_CLOSED\n +✗ expected: threw TypeError$/,
    );
  }, 60_000);
});
