import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { SettingsPatch } from '../../shared/contract/settings';
import type { Settings } from '../../shared/contract/types';
import { DEFAULT_FIRST_BUSINESS_DAY, DEFAULT_TIME_ZONE } from '../../shared/domain/calendar';
import { findStaffName } from '../../shared/domain/staff';
import { backupFolderProblem } from '../backup/folder-rule';
import { DEFAULT_SETTINGS } from '../migrations/0002_seed_catalogue';
import { DEFAULT_ISSUER } from '../migrations/0006_invoices_and_credit_notes';
import { today, type ServiceContext, type WriteContext } from '../context';
import { statement } from '../statements';
import { audit } from './audit';

/**
 * Settings added after migration 0002 seeded the first ones; a key nobody has set yet reads as
 * its default. No bank account is invented: the unit enters its own, and issuing an invoice in a
 * currency without one is refused with a message that points here.
 */
const LATER_DEFAULTS: Pick<Settings, 'issuer' | 'staff' | 'bankAccounts' | 'paymentTermsDays' | 'timeZone' | 'firstBusinessDay' | 'bankFeeTolerance'> = {
  issuer: DEFAULT_ISSUER,
  staff: [],
  bankAccounts: [],
  paymentTermsDays: 30,
  timeZone: DEFAULT_TIME_ZONE,
  firstBusinessDay: DEFAULT_FIRST_BUSINESS_DAY,
  bankFeeTolerance: { CHF: '5.00', EUR: '5.00', USD: '5.00' },
};

export function getSettings(ctx: ServiceContext): { settings: Settings } {
  const rows = statement(ctx, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { settings: { ...(DEFAULT_SETTINGS as unknown as Omit<Settings, keyof typeof LATER_DEFAULTS>), ...LATER_DEFAULTS, ...stored } as Settings };
}

export function setSettings(ctx: WriteContext, patch: z.output<typeof SettingsPatch>): { settings: Settings } {
  const before = getSettings(ctx).settings;
  // The app asks who is working from this list: once it names someone, it may not become empty.
  if (patch.staff && patch.staff.length === 0 && before.staff.length > 0) {
    throw new DomainError('invalid_input', 'Keep at least one staff name: the app asks who is working from this list.', 'staff');
  }
  if (patch.firstBusinessDay !== undefined && patch.firstBusinessDay > today(ctx)) {
    throw new DomainError('invalid_input', 'First day of business cannot be in the future.', 'firstBusinessDay');
  }
  // The same rule backups.checkFolder applies: a folder it refuses is never saved.
  const folderProblem = patch.backup ? backupFolderProblem(patch.backup.folder) : null;
  if (folderProblem) throw new DomainError('invalid_input', folderProblem, 'backup.folder');
  const upsert = statement(ctx, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
  const after = getSettings(ctx).settings;
  audit(ctx, 'settings', null, 'update', before, after);
  return { settings: after };
}

/** The list's spelling of `name`, adding it to the staff list (with its audit record) when it is new. */
export function ensureStaffName(ctx: WriteContext, name: string): string {
  const { staff } = getSettings(ctx).settings;
  const listed = findStaffName(staff, name);
  if (listed !== undefined) return listed;
  setSettings(ctx, { staff: [...staff, name] });
  return name;
}
