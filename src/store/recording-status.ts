import type { Logger } from 'pino';
import { describeDbError, STORE_MESSAGES as M } from './messages.js';
import { SchemaMismatchError } from './errors.js';
import type { StoreStatus } from './types.js';

/**
 * Whether a store is recording, and why not: the state both engines keep, logged once per
 * distinct problem so that a database down for an hour is one error line, not thousands.
 */
export class RecordingStatus {
  private state: StoreStatus;

  constructor(
    private readonly engine: StoreStatus['engine'],
    private readonly location: string,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {
    this.state = { recording: false, engine, location, since: now().toISOString() };
  }

  get snapshot(): StoreStatus {
    return { ...this.state };
  }

  get recording(): boolean {
    return this.state.recording;
  }

  /** Not recording because of a problem (rather than not opened yet). */
  get failing(): boolean {
    return this.state.problem !== undefined && !this.state.recording;
  }

  /** Recording (again); `note` keeps something a moderator should still see, e.g. a file moved aside. */
  recordingNow(note?: string): void {
    this.state = { recording: true, engine: this.engine, location: this.location, since: this.now().toISOString() };
    if (note !== undefined) this.state.problem = note;
  }

  /** A busy database let a write through again. */
  resumedAfterBusy(): void {
    this.recordingNow();
    this.log.info({ location: this.location }, M.resumed);
  }

  /** Marks recording off with the problem, logged once per distinct problem. */
  failed(err: unknown, retryMs: number | null): void {
    const problem = err instanceof SchemaMismatchError ? err.message : describeDbError(err);
    const repeated = !this.state.recording && this.state.problem === problem;
    const since = repeated ? this.state.since : this.now().toISOString();
    this.state = { recording: false, engine: this.engine, location: this.location, problem, since };
    if (repeated) this.log.debug({ problem }, M.stillNotRecording);
    else this.log.error({ err, location: this.location }, M.notRecording(problem, retryMs));
  }

  closed(): void {
    this.state = { ...this.state, recording: false, problem: this.state.problem ?? M.closed, since: this.now().toISOString() };
  }
}
