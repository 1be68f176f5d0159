import { afterEach, describe, expect, it } from 'vitest';
import { askedUser } from '../../db/session-user';
import { call, openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

const order = {
  customer: { name: 'Ana Pérez', address: 'Calle Mayor 1', country: 'ES', city: 'Madrid' },
  currency: 'EUR',
  receivedVia: 'mail',
  receivedOn: '2026-11-20',
  lines: [{ title: 'Migration report', quantity: 1, unitPrice: '30.00' }],
};

/** A session like the desktop app's: the operating-system account until the clerk answers. */
const asking = () => openTestApp(undefined, undefined, { user: () => askedUser('jdoe') });

describe('who is working', () => {
  it('asks until the clerk answers, then names that clerk, not the operating-system account, on every audit record', async () => {
    app = asking();
    expect(await call(app, 'session.get', {})).toEqual({ user: 'jdoe', askUser: true });

    expect(await call(app, 'session.setUser', { name: '  Marie Dubois ' })).toEqual({ user: 'Marie Dubois', askUser: false });
    expect(await call(app, 'session.get', {})).toEqual({ user: 'Marie Dubois', askUser: false });

    const { order: saved } = await call(app, 'orders.create', order);
    await call(app, 'orders.cancel', { id: saved.id, reason: 'Sent twice' });
    const { history } = await call(app, 'orders.get', { id: saved.id });
    expect(history.map((h: { actor: string }) => h.actor)).toEqual(['Marie Dubois', 'Marie Dubois']);

    const actors = app.db.prepare('SELECT DISTINCT actor FROM audit_log').all();
    expect(actors).toEqual([{ actor: 'Marie Dubois' }]);
  });

  it('adds a new name to the staff list, as that clerk, and keeps the list\'s spelling of a known one', async () => {
    app = asking();
    await call(app, 'session.setUser', { name: 'Marie Dubois' });
    expect((await call(app, 'settings.get', {})).settings.staff).toEqual(['Marie Dubois']);
    const added = app.db.prepare("SELECT actor, after FROM audit_log WHERE entity = 'settings'").all() as { actor: string; after: string }[];
    expect(added).toHaveLength(1);
    expect(added[0]!.actor).toBe('Marie Dubois');
    expect(JSON.parse(added[0]!.after).staff).toEqual(['Marie Dubois']);

    app = app.restart();
    expect(await call(app, 'session.get', {})).toEqual({ user: 'jdoe', askUser: true });
    expect(await call(app, 'session.setUser', { name: 'marie dubois' })).toEqual({ user: 'Marie Dubois', askUser: false });
    expect((await call(app, 'settings.get', {})).settings.staff).toEqual(['Marie Dubois']);
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'settings'").get()).toEqual({ n: 1 });
  });

  it('refuses a blank or over-long name, naming the field, and keeps asking', async () => {
    app = asking();
    for (const name of ['   ', 'x'.repeat(81)]) {
      const result = await app.invoke('session.setUser', { name });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.field).toBe('name');
      expect(result.error.message).toMatch(/Your name (is required|is too long)/);
    }
    expect(await call(app, 'session.get', {})).toEqual({ user: 'jdoe', askUser: true });
    expect((await call(app, 'settings.get', {})).settings.staff).toEqual([]);
  });

  it('does not ask where the user was fixed on the command line, and refuses to change it', async () => {
    app = openTestApp();
    expect(await call(app, 'session.get', {})).toEqual({ user: 'test-clerk', askUser: false });
    const result = await app.invoke('session.setUser', { name: 'Someone Else' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('forbidden');
      expect(result.error.message).toMatch(/--user/);
    }
    await call(app, 'orders.create', order);
    expect(app.db.prepare('SELECT DISTINCT actor FROM audit_log').all()).toEqual([{ actor: 'test-clerk' }]);
  });
});

describe('the staff list in settings', () => {
  it('starts empty on a fresh database, and other settings save with it empty', async () => {
    app = openTestApp();
    const { settings } = await call(app, 'settings.get', {});
    expect(settings.staff).toEqual([]);
    const saved = await call(app, 'settings.set', { ...settings, locale: 'fr-CH' });
    expect(saved.settings).toMatchObject({ locale: 'fr-CH', staff: [] });
  });

  it('keeps names trimmed and in the order given, renamed and removed like any setting', async () => {
    app = openTestApp();
    await call(app, 'settings.set', { staff: [' Marie Dubois', 'Jonas Keller ', 'Aïcha Benali'] });
    const renamed = await call(app, 'settings.set', { staff: ['Marie Dubois-Roth', 'Aïcha Benali'] });
    expect(renamed.settings.staff).toEqual(['Marie Dubois-Roth', 'Aïcha Benali']);
    app = app.restart();
    expect((await call(app, 'settings.get', {})).settings.staff).toEqual(['Marie Dubois-Roth', 'Aïcha Benali']);
  });

  it.each([
    ['a blank name', ['Marie Dubois', '  '], 'staff.1', /Staff name is required/],
    ['a name twice, ignoring case', ['Marie Dubois', 'Jonas Keller', 'marie dubois'], 'staff.2', /"marie dubois" is already in the list/],
    ['an over-long name', ['y'.repeat(81)], 'staff.0', /at most 80 characters/],
    ['a name that is not text', [42], 'staff.0', /Staff name must be text/],
  ])('refuses %s, naming the entry, and keeps the list as it was', async (_label, staff, field, message) => {
    app = openTestApp();
    await call(app, 'settings.set', { staff: ['Jonas Keller'] });
    const result = await app.invoke('settings.set', { staff });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(message);
    expect((await call(app, 'settings.get', {})).settings.staff).toEqual(['Jonas Keller']);
  });

  it('keeps "René" and "Rene" apart: an accent makes another person', async () => {
    app = openTestApp();
    expect((await call(app, 'settings.set', { staff: ['René', 'Rene'] })).settings.staff).toEqual(['René', 'Rene']);
  });

  it('refuses to empty the list once it names someone', async () => {
    app = openTestApp();
    await call(app, 'settings.set', { staff: ['Jonas Keller'] });
    const result = await app.invoke('settings.set', { staff: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', field: 'staff' });
    expect(result.error.message).toMatch(/at least one staff name/);
    expect((await call(app, 'settings.get', {})).settings.staff).toEqual(['Jonas Keller']);
  });
});
