// The bulk history's audit entries, collected from every module before any is written: the trail is one hash chain
// in time order, and the modules produce their entries in contact order. Millions of entries are kept as columns of
// typed arrays (about 17 bytes an entry, not an object each) and described in full only when written.

/** What an entry is; `describeEvent` (audit-entries.ts) turns kind, subject and extra into the entry's fields. */
export const EV = {
  contactImported: 1,
  contactViewed: 2,
  contactUpdated: 3,
  sessionOpened: 4,
  viewedBySelf: 5,
  subscriptionChanged: 6,
  optedOut: 7,
  roleEnded: 8,
  orgRelationshipEnded: 9,
  requestRecorded: 10,
  requestUpdated: 11,
  requestExtended: 12,
  requestCompleted: 13,
  contactErased: 14,
  mailingCreated: 15,
  mailingScheduled: 16,
  mailingStarted: 17,
  mailingFinished: 18,
} as const;
export type EventKind = (typeof EV)[keyof typeof EV];

export class EventLog {
  private size = 0;
  private seconds = new Uint32Array(1 << 16);
  private kinds = new Uint8Array(1 << 16);
  private subjects = new Uint32Array(1 << 16);
  private extras = new Uint32Array(1 << 16);

  /** `from` (epoch ms) is the start of the history; entries are kept in whole seconds after it. */
  constructor(private readonly from: number) {}

  get length() {
    return this.size;
  }

  push(at: number, kind: EventKind, subject: number, extra = 0): void {
    if (this.size === this.kinds.length) this.grow();
    const s = this.size++;
    this.seconds[s] = Math.max(0, Math.floor((at - this.from) / 1000));
    this.kinds[s] = kind;
    this.subjects[s] = subject;
    this.extras[s] = extra;
  }

  /** Entry positions in time order (ties in the order they were pushed). */
  timeOrder(): Uint32Array {
    const keys = new BigUint64Array(this.size);
    for (let s = 0; s < this.size; s++) keys[s] = (BigInt(this.seconds[s]!) << 32n) | BigInt(s);
    keys.sort();
    const order = new Uint32Array(this.size);
    for (let s = 0; s < this.size; s++) order[s] = Number(keys[s]! & 0xffffffffn);
    return order;
  }

  at(s: number): Date {
    return new Date(this.from + this.seconds[s]! * 1000);
  }
  entry(s: number): { kind: EventKind; subject: number; extra: number } {
    return { kind: this.kinds[s] as EventKind, subject: this.subjects[s]!, extra: this.extras[s]! };
  }

  private grow() {
    const n = this.kinds.length * 2;
    const widen = <A extends Uint32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.seconds = widen(this.seconds, (n) => new Uint32Array(n));
    this.kinds = widen(this.kinds, (n) => new Uint8Array(n));
    this.subjects = widen(this.subjects, (n) => new Uint32Array(n));
    this.extras = widen(this.extras, (n) => new Uint32Array(n));
  }
}
