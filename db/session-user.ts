/**
 * Who is working in this process, for the audit log. Browser mode fixes the name on its
 * command line; the desktop app starts with the operating-system account and asks the
 * clerk, who then confirms a staff name for the rest of the session.
 */
export interface SessionUser {
  /** The name audit records carry now. */
  readonly name: string;
  /** True while the app still has to ask who is working (the desktop app, before the clerk answered). */
  readonly mustAsk: boolean;
  /** False where the name was fixed when the process started (browser mode's --user). */
  readonly changeable: boolean;
  /** The clerk said who is working: every later audit record carries this name. */
  confirm(name: string): void;
}

/** A name fixed for the whole process; nothing asks and nothing can change it. */
export function fixedUser(name: string): SessionUser {
  return {
    name,
    mustAsk: false,
    changeable: false,
    confirm() {
      throw new Error('The user of this session was fixed when it started.');
    },
  };
}

/** Starts under a provisional name (the operating-system account) until the clerk confirms who is working. */
export function askedUser(provisional: string): SessionUser {
  let name = provisional;
  let confirmed = false;
  return {
    get name() {
      return name;
    },
    get mustAsk() {
      return !confirmed;
    },
    changeable: true,
    confirm(next: string) {
      name = next;
      confirmed = true;
    },
  };
}
