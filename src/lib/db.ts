/**
 * The little IndexedDB the planner's work needs: one object store, reads, and writes of several keys
 * in one transaction, confirmed only when IndexedDB reports the transaction complete. Every way
 * storage can fail — no IndexedDB, `open` throwing, an open that errors or stays blocked, a write
 * over the quota, a transaction aborted — comes back as a rejected promise with a `StorageFault`,
 * never as an uncaught error.
 */

/** Why something could not be stored, as the user is told it. */
/** `newer`: the stored work was written by a newer version of the app (another tab), which this one must not overwrite. */
export type StorageFaultKind = 'quota' | 'blocked' | 'unavailable' | 'newer';

export class StorageFault extends Error {
  constructor(
    readonly kind: StorageFaultKind,
    detail: string,
  ) {
    super(detail);
    this.name = 'StorageFault';
  }
}

/** The database idb-keyval used (version 1 of the saved work lives there). */
const DB_NAME = 'keyval-store';
const STORE = 'keyval';
/** An open that neither succeeds nor fails (blocked by another tab, a stuck profile) counts as failed. */
const OPEN_TIMEOUT_MS = 8000;

export function classify(error: unknown): StorageFault {
  if (error instanceof StorageFault) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = String((error as { message?: string } | null)?.message ?? error ?? '');
  if (name === 'QuotaExceededError' || /quota/i.test(name)) return new StorageFault('quota', message || name);
  if (name === 'TypeError' && typeof indexedDB === 'undefined') return new StorageFault('unavailable', message);
  return new StorageFault('blocked', `${name}${message ? `: ${message}` : ''}` || 'unknown error');
}

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opened) return opened;
  opened = new Promise<IDBDatabase>((resolve, reject) => {
    let factory: IDBFactory | undefined;
    try {
      factory = globalThis.indexedDB;
    } catch (error) {
      reject(new StorageFault('unavailable', String((error as Error)?.message ?? error)));
      return;
    }
    if (!factory) {
      reject(new StorageFault('unavailable', 'this browser has no IndexedDB'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME);
    } catch (error) {
      reject(classify(error));
      return;
    }
    const timer = setTimeout(() => reject(new StorageFault('blocked', 'opening the database did not finish')), OPEN_TIMEOUT_MS);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      // Another tab upgrading the database: let it, and open again on the next use.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(classify(request.error));
    };
  });
  // A failed open is not cached for ever: the next save tries again (a policy may have changed).
  opened.catch(() => {
    opened = null;
  });
  return opened;
}

function transaction<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => T): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        let tx: IDBTransaction;
        let result: T;
        try {
          tx = db.transaction(STORE, mode);
          result = run(tx.objectStore(STORE));
        } catch (error) {
          reject(classify(error));
          return;
        }
        tx.oncomplete = () => resolve(result);
        tx.onerror = () => reject(classify(tx.error));
        tx.onabort = () => reject(classify(tx.error ?? new DOMException('the write was aborted', 'AbortError')));
      }),
  );
}

/** Reads several keys in one transaction (undefined for a key not there). */
export function readKeys(keys: readonly string[]): Promise<unknown[]> {
  return transaction('readonly', (store) => {
    const requests = keys.map((k) => store.get(k));
    return requests;
  }).then((requests) => requests.map((r) => r.result));
}

/** The keys under a prefix. */
export function keysWithPrefix(prefix: string): Promise<string[]> {
  return transaction('readonly', (store) => store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`))).then((r) =>
    (r.result as IDBValidKey[]).map(String),
  );
}

export interface Write {
  put?: [string, unknown][];
  del?: string[];
  /** Nothing is written (a StorageFault 'newer') when this key holds a number above `max`: checked in the same transaction. */
  guard?: { key: string; max: number };
}

/** Puts and deletes in one transaction: all of them are stored, or none. Resolves once committed. */
export function write(w: Write): Promise<void> {
  let tripped: number | null = null;
  return transaction('readwrite', (store) => {
    const apply = () => {
      for (const [k, v] of w.put ?? []) store.put(v, k);
      for (const k of w.del ?? []) store.delete(k);
    };
    const guard = w.guard;
    if (!guard) return apply();
    const check = store.get(guard.key);
    check.onsuccess = () => {
      const v = check.result;
      if (typeof v === 'number' && v > guard.max) {
        tripped = v;
        check.transaction?.abort();
      } else apply();
    };
  }).then(
    () => undefined,
    (error) => {
      if (tripped !== null) throw new StorageFault('newer', `${w.guard?.key} holds ${tripped}, this version writes ${w.guard?.max}`);
      throw error;
    },
  );
}
