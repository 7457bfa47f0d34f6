/**
 * PropertiesService, following https://developers.google.com/apps-script/reference/properties/properties-service
 * and https://developers.google.com/apps-script/reference/properties/properties: the script's store
 * of string values (getProperty, setProperty, deleteProperty), with Apps Script's limits (9 KB a value,
 * 500 KB a store). Stores live outside a service set so that several executions (runtimes) can share
 * them, and serialize to JSON; the user and document stores are kept in that state, though no script
 * method reaches them.
 */
import { countCall, facade, stringOf, type FacadeOptions, type ServiceEnvironment } from './script-realm';

/** Apps Script's limits: a value of at most 9 KB, a store of at most 500 KB (keys and values, UTF-8). */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const VALUE_TOO_LARGE = 'Argument too large: value';
const QUOTA_EXCEEDED = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class PropertyStore {
  private readonly map = new Map<string, string>();

  get(key: string): string | null {
    return this.map.get(key) ?? null;
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  entries(): Record<string, string> {
    return Object.fromEntries(this.map);
  }

  /** Bytes the store uses: keys and values in UTF-8. */
  size(): number {
    let total = 0;
    for (const [key, value] of this.map) total += bytes(key) + bytes(value);
    return total;
  }

  /** Replaces the store's content with `next` after checking the limits (all or nothing). */
  replace(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
      total += bytes(key) + bytes(value);
    }
    if (total > MAX_STORE_BYTES) throw new Error(QUOTA_EXCEEDED);
    this.map.clear();
    for (const [key, value] of next) this.map.set(key, value);
  }

  /** A copy of the content, to change and hand back to `replace`. */
  snapshot(): Map<string, string> {
    return new Map(this.map);
  }

  /** Sets without the script's checks (for tests that seed a store). */
  seed(values: Record<string, string>): this {
    for (const [key, value] of Object.entries(values)) this.map.set(key, value);
    return this;
  }

  toJSON(): Record<string, string> {
    return this.entries();
  }

  static fromJSON(json: Record<string, string>): PropertyStore {
    return new PropertyStore().seed(json);
  }
}

export interface PropertyStoresJson {
  script: Record<string, string>;
  user: Record<string, string>;
  document: Record<string, string>;
}

/** The three stores of one script (user properties: of the one user these fakes know). */
export class PropertyStores {
  constructor(
    readonly script = new PropertyStore(),
    readonly user = new PropertyStore(),
    readonly document = new PropertyStore(),
  ) {}

  toJSON(): PropertyStoresJson {
    return { script: this.script.toJSON(), user: this.user.toJSON(), document: this.document.toJSON() };
  }

  static fromJSON(json: PropertyStoresJson): PropertyStores {
    return new PropertyStores(
      PropertyStore.fromJSON(json.script),
      PropertyStore.fromJSON(json.user),
      PropertyStore.fromJSON(json.document),
    );
  }
}

function keyOf(key: unknown): string {
  if (key === null || key === undefined || key === '') throw new Error('Invalid argument: key');
  return stringOf(key);
}

class PropertiesImpl {
  constructor(
    private readonly store: PropertyStore,
    private readonly env: ServiceEnvironment,
  ) {}

  getProperty(key: unknown): string | null {
    return this.store.get(keyOf(key));
  }

  /** Values are stored as String(value), as Apps Script does. */
  setProperty(key: unknown, value: unknown): this {
    const next = this.store.snapshot();
    next.set(keyOf(key), stringOf(value));
    this.store.replace(next);
    return this._self();
  }

  deleteProperty(key: unknown): this {
    const next = this.store.snapshot();
    next.delete(keyOf(key));
    this.store.replace(next);
    return this._self();
  }

  private _self(): this {
    return facade(this, this.env.realm, counted(this.env, 'Properties'));
  }
}

/** Every call is counted in the execution's serviceCalls: property reads and writes have a daily quota. */
function counted(env: ServiceEnvironment, name: 'Properties' | 'PropertiesService'): FacadeOptions {
  return {
    name,
    beforeCall: (method) => {
      countCall(env, name, method);
    },
  };
}

/** The PropertiesService global. */
export function createPropertiesService(stores: PropertyStores, env: ServiceEnvironment): object {
  const service = {
    getScriptProperties: () => facade(new PropertiesImpl(stores.script, env), env.realm, counted(env, 'Properties')),
  };
  return facade(service, env.realm, counted(env, 'PropertiesService'));
}
