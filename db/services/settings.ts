import type { z } from 'zod';
import { DomainError } from '../../shared/api/errors';
import type { SettingsPatch } from '../../shared/contract/settings';
import type { Settings } from '../../shared/contract/types';
import { DEFAULT_FIRST_BUSINESS_DAY, DEFAULT_TIME_ZONE } from '../../shared/domain/calendar';
import { findStaffName } from '../../shared/domain/staff';
import { DEFAULT_REMINDER_SETTINGS } from '../../shared/domain/reminder-levels';
import { backupFolderProblem } from '../backup/folder-rule';
import { DEFAULT_SETTINGS } from '../migrations/0002_seed_catalogue';
import { DEFAULT_ISSUER } from '../migrations/0006_invoices_and_credit_notes';
import { today, type ServiceContext, type WriteContext } from '../context';
import { statement } from '../statements';
import { audit } from './audit';
import { DEFAULT_MAIL_SETTINGS, isLocalMailHost, type MailPasswordFacts, type MailSettings } from '../../shared/contract/mail';
import { DEFAULT_MAIL_TEMPLATES, MAIL_KINDS, type MailTemplates } from '../../shared/mail/templates';
import { DOCUMENT_LANGUAGES } from '../../shared/documents/invoice-document';

/**
 * Settings added after migration 0002 seeded the first ones; a key nobody has set yet reads as
 * its default. No bank account is invented: the unit enters its own, and issuing an invoice in a
 * currency without one is refused with a message that points here.
 */
const LATER_DEFAULTS: Pick<Settings, 'issuer' | 'staff' | 'bankAccounts' | 'paymentTermsDays' | 'timeZone' | 'firstBusinessDay' | 'bankFeeTolerance' | 'mailTemplates' | 'reminders'> & {
  mail: StoredMailSettings;
} = {
  issuer: DEFAULT_ISSUER,
  staff: [],
  bankAccounts: [],
  paymentTermsDays: 30,
  timeZone: DEFAULT_TIME_ZONE,
  firstBusinessDay: DEFAULT_FIRST_BUSINESS_DAY,
  bankFeeTolerance: { CHF: '5.00', EUR: '5.00', USD: '5.00' },
  mail: DEFAULT_MAIL_SETTINGS,
  mailTemplates: DEFAULT_MAIL_TEMPLATES,
  reminders: DEFAULT_REMINDER_SETTINGS,
};

/** The mail settings as stored: the password is never among them, nor whether one is kept or where from (the password store knows). */
type StoredMailSettings = Omit<MailSettings, keyof MailPasswordFacts>;

/** Stored templates over the defaults, per kind and language: a template the unit never edited reads as its default. */
function mergeTemplates(base: MailTemplates, over: Partial<Record<keyof MailTemplates, Partial<MailTemplates[keyof MailTemplates]>>> | undefined): MailTemplates {
  const merged = {} as MailTemplates;
  for (const kind of MAIL_KINDS) {
    merged[kind] = { ...base[kind] };
    for (const language of DOCUMENT_LANGUAGES) {
      const template = over?.[kind]?.[language];
      if (template) merged[kind][language] = { subject: template.subject, text: template.text };
    }
  }
  return merged;
}

/** Only the templates that differ from the defaults are stored, so a better default text reaches every template nobody edited. */
function editedTemplates(templates: MailTemplates): Partial<Record<keyof MailTemplates, Partial<MailTemplates[keyof MailTemplates]>>> {
  const edited: Partial<Record<keyof MailTemplates, Partial<MailTemplates[keyof MailTemplates]>>> = {};
  for (const kind of MAIL_KINDS) {
    for (const language of DOCUMENT_LANGUAGES) {
      const template = templates[kind][language];
      const original = DEFAULT_MAIL_TEMPLATES[kind][language];
      if (template.subject !== original.subject || template.text !== original.text) (edited[kind] ??= {})[language] = template;
    }
  }
  return edited;
}

function storedMail(value: unknown): StoredMailSettings {
  const { passwordSet: _set, passwordSource: _source, ...stored } = { ...DEFAULT_MAIL_SETTINGS, ...(value as Partial<MailSettings> | undefined) };
  return stored;
}

/** Whether a password is there and where from, as the process's password store says (none in a process without e-mail). */
function passwordFacts(ctx: ServiceContext): MailPasswordFacts {
  const passwords = ctx.mail?.passwords;
  const set = passwords?.isSet() ?? false;
  return { passwordSet: set, passwordSource: set && passwords ? passwords.origin : 'none' };
}

export function getSettings(ctx: ServiceContext): { settings: Settings } {
  const rows = statement(ctx, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const settings = { ...(DEFAULT_SETTINGS as unknown as Omit<Settings, keyof typeof LATER_DEFAULTS>), ...LATER_DEFAULTS, ...stored } as Settings;
  settings.mail = { ...storedMail(stored.mail), ...passwordFacts(ctx) };
  settings.mailTemplates = mergeTemplates(DEFAULT_MAIL_TEMPLATES, stored.mailTemplates as MailTemplates | undefined);
  return { settings };
}

/**
 * The mail settings a patch leaves: the fields sent over the stored ones. A pinned fingerprint
 * is one server's: a new host or port without a fingerprint sent again drops it.
 */
function patchedMail(before: StoredMailSettings, patch: NonNullable<z.output<typeof SettingsPatch>['mail']>): StoredMailSettings {
  const { password: _never, ...fields } = patch;
  const sent = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<StoredMailSettings>;
  const after = { ...before, ...sent };
  const otherServer = after.host.toLowerCase() !== before.host.toLowerCase() || after.port !== before.port;
  if (otherServer && sent.pinnedFingerprint === undefined) after.pinnedFingerprint = '';
  if (after.security === 'none' && after.host !== '' && !isLocalMailHost(after.host)) {
    throw new DomainError(
      'invalid_input',
      `Mail security “none” is allowed only for a mail server on this computer (localhost, 127.0.0.1 or ::1): choose TLS or STARTTLS for ${after.host}.`,
      'mail.security',
    );
  }
  if (after.host !== '' && after.fromAddress === '') {
    throw new DomainError('invalid_input', 'Sender address is required once a mail server is set: customers see it as the sender.', 'mail.fromAddress');
  }
  return after;
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
  const { mail, mailTemplates, ...plain } = patch;
  for (const [key, value] of Object.entries(plain)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
  if (mail) upsert.run('mail', JSON.stringify(patchedMail(storedMail(before.mail), mail)));
  if (mailTemplates) upsert.run('mailTemplates', JSON.stringify(editedTemplates(mergeTemplates(before.mailTemplates, mailTemplates))));
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
